package io.backupsentinel.report.pdf;
class DumpTmp { public static void main(String[] a) throws Exception { java.nio.file.Files.write(java.nio.file.Path.of(a[0]), PdfReportTest.pdf(ReportFixture.sized(60, 3, 90, true))); } }
