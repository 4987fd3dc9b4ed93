/**
 * Server-side SVG charts for the status page and reports: RPO age against target over time
 * ({@link io.backupsentinel.web.chart.RpoAgeChart}) and compliance over a period
 * ({@link io.backupsentinel.web.chart.ComplianceChart}), with the derivations from history that feed them
 * ({@link io.backupsentinel.web.chart.AgeSeries}, {@link io.backupsentinel.web.chart.Intervals}). No script and no
 * style attributes, so they render under the page's Content-Security-Policy; accessible as images with a title
 * and a description in words.
 */
package io.backupsentinel.web.chart;
