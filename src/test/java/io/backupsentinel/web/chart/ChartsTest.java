package io.backupsentinel.web.chart;

import io.backupsentinel.model.Status;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartsTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final TimeRange DAY = new TimeRange(T0, T0.plus(Duration.ofDays(1)));
    static final String NASTY = "<script>alert('x')</script> & \"q\" \u0001 ünï 😀";

    static Instant at(String hm) {
        return Instant.parse("2026-12-01T" + hm + ":00Z");
    }

    @Test
    void the_rpo_chart_is_an_accessible_well_formed_svg_that_says_its_breaches_in_words() {
        List<AgePoint> s = AgeSeries.sawtooth(List.of(T0, at("10:00"), at("13:00")), DAY);
        Document doc = SvgDocs.check(RpoAgeChart.render("rpo-orders", "RPO age of orders", s, Duration.ofHours(4), DAY));
        String desc = doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent();
        assertThat(desc).contains("target of 4h", "breached 2 times for 13h in all",
                "2026-12-01 04:00 UTC to 2026-12-01 10:00 UTC", "2026-12-01 17:00 UTC to 2026-12-02 00:00 UTC");
        assertThat(SvgDocs.byClass(doc, "breach-area")).hasSize(2);
        assertThat(SvgDocs.byClass(doc, "breach")).hasSize(2);
        assertThat(SvgDocs.byClass(doc, "age")).hasSize(1);
        assertThat(SvgDocs.byClass(doc, "target")).hasSize(1);
    }

    @Test
    void the_time_axis_is_labelled_in_utc() {
        Document doc = SvgDocs.check(RpoAgeChart.render("c", "t", List.of(), Duration.ofHours(4), DAY));
        List<String> texts = SvgDocs.all(doc).stream().filter(e -> e.getLocalName().equals("text"))
                .map(Element::getTextContent).toList();
        assertThat(texts).contains("UTC", "12-01 00:00", "12-01 06:00", "12-01 12:00", "12-01 18:00", "12-02 00:00");
    }

    @Test
    void an_empty_series_still_renders_and_says_there_is_no_recovery_point() {
        Document doc = SvgDocs.check(RpoAgeChart.render("c", "t", List.of(), Duration.ofHours(4), DAY));
        assertThat(doc.getDocumentElement().getTextContent()).contains("No recovery point known in this period");
        assertThat(SvgDocs.byClass(doc, "age")).isEmpty();
    }

    @Test
    void a_single_point_series_renders() {
        Document doc = SvgDocs.check(RpoAgeChart.render("c", "t", List.of(new AgePoint(at("12:00"), 0)),
                Duration.ofHours(4), DAY));
        assertThat(SvgDocs.byClass(doc, "age")).hasSize(1);
        assertThat(SvgDocs.byClass(doc, "breach")).isEmpty();
    }

    @Test
    void titles_and_labels_are_escaped_so_a_hostile_name_stays_text() {
        String svg = ComplianceChart.render("c", NASTY, List.of(new Band(NASTY,
                List.of(new Interval(T0, at("12:00"), Status.NON_COMPLIANT)))), DAY);
        Document doc = SvgDocs.check(svg);
        assertThat(svg).doesNotContain("<script>");
        assertThat(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("<script>alert('x')</script> & \"q\" \uFFFD ünï 😀");
        SvgDocs.check(RpoAgeChart.render("c", NASTY, List.of(), Duration.ofHours(1), DAY));
    }

    @Test
    void the_compliance_chart_draws_a_band_per_rule_a_legend_and_the_shares() {
        List<Band> bands = List.of(
                new Band("pitr-enabled", List.of(new Interval(T0, at("18:00"), Status.COMPLIANT),
                        new Interval(at("18:00"), DAY.to(), Status.UNKNOWN))),
                new Band("rpo-24h", List.of(new Interval(at("06:00"), DAY.to(), Status.NON_COMPLIANT))),
                new Band("a-very-long-rule-name-that-does-not-fit-beside-the-band",
                        List.of(new Interval(T0, DAY.to(), Status.EXEMPT))));
        Document doc = SvgDocs.check(ComplianceChart.render("comp", "Compliance of orders", bands, DAY));
        assertThat(SvgDocs.byClass(doc, "band")).hasSize(3);
        assertThat(SvgDocs.byClass(doc, "status-compliant")).hasSize(2);
        assertThat(SvgDocs.byClass(doc, "status-unknown")).hasSize(2);
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("COMPLIANT 25.0%", "NON_COMPLIANT 25.0%", "UNKNOWN 8.3%", "EXEMPT 33.3%",
                "no finding 8.3%", "a-very-long-rule-name-t…",
                "pitr-enabled: UNKNOWN from 2026-12-01 18:00 UTC to 2026-12-02 00:00 UTC (6h)");
    }

    @Test
    void an_empty_compliance_chart_says_there_were_no_findings() {
        Document doc = SvgDocs.check(ComplianceChart.render("comp", "t", List.of(), DAY));
        assertThat(doc.getDocumentElement().getTextContent()).contains("No findings in this period");
    }

    @Test
    void a_chart_id_that_could_break_the_markup_is_refused() {
        assertThatThrownBy(() -> ComplianceChart.render("a\" onload=\"x", "t", List.of(), DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chart id");
    }

    @Test
    void a_quarter_gets_date_ticks() {
        TimeRange quarter = new TimeRange(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-12-31T00:00:00Z"));
        Document doc = SvgDocs.check(ComplianceChart.render("q", "t", List.of(), quarter));
        assertThat(doc.getDocumentElement().getTextContent()).contains("2026-");
    }
}
