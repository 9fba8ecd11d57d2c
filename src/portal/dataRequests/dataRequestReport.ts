/**
 * The readable answer to an Art. 15 request: a German HTML page listing what was found where.
 * Every stored value is caller-controlled text, so everything is HTML-escaped; the page has no
 * scripts and no styles (the portal's CSP forbids both anyway).
 */
import type {
  DataRecordKind,
  DataRequestFindings,
} from '../../shared/portalWire/dataRequestSchemas';

const KIND_TITLES: Readonly<Record<DataRecordKind, string>> = {
  calls: 'Anrufe (Anrufprotokoll)',
  lineCalls: 'Anrufe auf Rufnummern ohne Mandant',
  notes: 'Telefonnotizen',
  deliveries: 'Zustellungen der Notizen (E-Mail, SMS)',
  botCalls: 'Anrufe beim Sprachassistenten',
  botTranscriptSegments: 'Gesprächsmitschrift des Sprachassistenten',
  botFields: 'Vom Sprachassistenten erfasste Angaben',
  botSummaries: 'Zusammenfassungen des Sprachassistenten',
  botEvents: 'Ereignisse des Sprachassistenten',
  supervisorNotes: 'Hinweise und Prüfnotizen der Teamleitung zu diesen Anrufen',
  auditEntries: 'Einträge im Prüfprotokoll',
};

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

export function renderDataRequestReport(findings: DataRequestFindings): string {
  const scope =
    findings.clientIds === null
      ? 'alle Mandanten und Rufnummern ohne Mandant'
      : findings.clientIds.join(', ');
  const sections = (Object.keys(KIND_TITLES) as DataRecordKind[]).map((kind) => {
    const records = findings.records.filter((record) => record.kind === kind);
    const body =
      records.length === 0
        ? '<p>Keine Einträge.</p>'
        : records
            .map((record) => {
              const rows = Object.entries(record.fields)
                .map(
                  ([name, value]) =>
                    `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value ?? '—')}</td></tr>`,
                )
                .join('');
              return `<table><caption>${escapeHtml(record.id)}${record.clientId ? ` (Mandant ${escapeHtml(record.clientId)})` : ''}</caption>${rows}</table>`;
            })
            .join('\n');
    return `<section><h2>${KIND_TITLES[kind]} (${records.length})</h2>\n${body}</section>`;
  });
  return [
    '<!doctype html>',
    '<html lang="de"><head><meta charset="utf-8"><title>Auskunft nach Art. 15 DSGVO</title></head><body>',
    '<h1>Auskunft nach Art. 15 DSGVO</h1>',
    `<p>Rufnummer: ${escapeHtml(findings.callerNumber)}<br>Durchsucht: ${escapeHtml(scope)}<br>Stand: ${escapeHtml(findings.searchedAt)}</p>`,
    `<p>Gefundene Einträge insgesamt: ${findings.records.length}</p>`,
    ...sections,
    '</body></html>',
  ].join('\n');
}
