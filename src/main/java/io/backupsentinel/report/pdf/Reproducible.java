package io.backupsentinel.report.pdf;

import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Takes the wall clock and chance out of a PDF, so the same report gives the same bytes: OpenPDF stamps the
 * creation date with the current time and writes a random document ID into the trailer. Both are replaced by
 * values from the report: its generation time (the newest history record read) and an ID derived from its
 * content. OpenPDF writes the trailer ID from the info dictionary's {@code /FileID} entry when there is one (the
 * only hook it offers), so the info dictionary carries the ID a second time, as {@code /FileId}.
 */
final class Reproducible {
    private Reproducible() {
    }

    /**
     * Stamps the writer's info dictionary; call after {@code Document.open()} and before {@code close()}.
     *
     * @param generatedAt when the report's data ends (never the wall clock)
     * @param documentId  at least 16 bytes derived from the report's content; the first 16 become the ID
     * @param creator     the program and version that made the report
     */
    static void stamp(PdfWriter writer, Instant generatedAt, byte[] documentId, String creator) {
        if (documentId.length < 16) {
            throw new IllegalArgumentException("a PDF document ID needs 16 bytes, got " + documentId.length);
        }
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        utc.setTimeInMillis(generatedAt.toEpochMilli());
        PdfDate date = new PdfDate(utc);
        PdfDictionary info = writer.getInfo();
        info.put(PdfName.CREATIONDATE, date);
        info.put(PdfName.MODDATE, date);
        info.put(PdfName.CREATOR, new PdfString(PdfText.safe(creator)));
        byte[] id = Arrays.copyOf(documentId, 16);
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    }
}
