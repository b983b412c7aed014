/// The page's stylesheet, inline so the page needs nothing else: readable measure on a
/// desktop, tables that scroll sideways on a phone, and an A4 print layout whose blocks may
/// break over pages while headings stay with what follows and the signatures stay together.
/// The winner and mentions are marked in words as well as by colour. One typeface per
/// table: tables are set in the text's serif.
enum HTMLStyle {
    static let css = """
        :root { --ink: #1d1d1b; --muted: #5b5b57; --rule: #c9c9c3; --winner: #006100;
          --winner-back: #e2f4e5; --mention: #7a5a00; --mention-back: #fff4cc; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #fff; font: 1.0625rem/1.6 Georgia, "DejaVu Serif", "Times New Roman", serif;
          overflow-wrap: break-word; hyphens: auto; }
        article { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
        h1, h2, h3, .award, .distinction, .signers, figure.chart { font-family: "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
        h1 { font-size: 2rem; line-height: 1.2; margin: 0.3rem 0 0.8rem; }
        .nowrap { white-space: nowrap; }
        h2 { font-size: 1.45rem; line-height: 1.25; margin: 2.6rem 0 0.6rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 1.2rem; line-height: 1.3; margin: 2rem 0 0.5rem; }
        p { margin: 0 0 0.9rem; }
        a { color: var(--link, #0b4f8a); }
        header.title-block { text-align: center; margin-bottom: 2.5rem; }
        header.title-block p { margin: 0.2rem 0; }
        .award { font-variant: small-caps; letter-spacing: 0.04em; font-size: 1.15rem; color: var(--muted); }
        .edition { font-size: 1.1rem; }
        .theme { font-style: italic; }
        .organizer, .website, .date { font-size: 0.95rem; color: var(--muted); }
        .label { font-weight: bold; }
        .summary { font-style: italic; }
        .distinction { display: inline-block; margin: 0 0 0.9rem; padding: 0.2rem 0.7rem; border: 2px solid; border-radius: 0.3rem;
          font-weight: bold; white-space: normal; }
        .distinction.winner { color: var(--winner); background: var(--winner-back); }
        .distinction.mention { color: var(--mention); background: var(--mention-back); }
        .nominee.winner > h3 { color: var(--winner); }
        dl.details { display: grid; grid-template-columns: minmax(6rem, max-content) 1fr; gap: 0.15rem 1rem; margin: 0 0 1rem; }
        dl.details dt { font-weight: bold; }
        dl.details dd { margin: 0; }
        .table-scroll { overflow-x: auto; margin: 0 0 1.2rem; }
        table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
        caption { text-align: left; font-weight: bold; padding: 0 0 0.3rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
        thead th { border-bottom: 2px solid var(--ink); }
        .number { text-align: right; font-variant-numeric: tabular-nums; }
        tbody th { font-weight: normal; }
        .table-note { font-size: 0.9rem; color: var(--muted); margin-top: -0.6rem; }
        tr.winner th, tr.winner td { font-weight: bold; background: var(--winner-back); }
        figure.chart { margin: 0 0 1.5rem; }
        figure.chart figcaption { font-weight: bold; margin-bottom: 0.4rem; }
        figure.chart ol { list-style: none; margin: 0; padding: 0; }
        figure.chart li { display: grid; grid-template-columns: minmax(0, 14rem) 1fr auto; gap: 0.6rem; align-items: center; margin: 0.2rem 0; }
        figure.chart .bar-label { overflow-wrap: anywhere; }
        figure.chart meter { width: 100%; height: 1rem; }
        figure.chart .value { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .announcement { margin: 1.5rem 0; padding: 0.8rem 1rem; border: 2px solid var(--winner); background: var(--winner-back);
          color: var(--winner); font-weight: bold; font-size: 1.15rem; text-align: center; }
        .announcement.long { font-weight: normal; font-size: 1rem; text-align: left; color: var(--ink); }
        ul.signers { list-style: none; padding: 0; margin: 1.5rem 0 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 1.5rem 1.25rem; }
        ul.signers li { border-top: 1px solid var(--muted); padding-top: 0.35rem; }
        ul.signers .name { display: block; }
        ul.signers .chair .name { font-weight: bold; }
        ul.signers .role { display: block; font-size: 0.9rem; color: var(--muted); }
        @media (max-width: 36rem) {
          body { font-size: 1rem; }
          article { padding: 1.5rem 1rem 3rem; }
          h1 { font-size: 1.6rem; }
          dl.details { grid-template-columns: 1fr; }
          dl.details dd { margin-bottom: 0.4rem; }
          figure.chart li { grid-template-columns: 1fr auto; }
          figure.chart meter { grid-column: 1 / -1; grid-row: 2; }
        }
        @page { size: A4; margin: 20mm 18mm;
          @top-left { font: 8.5pt "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: #5b5b57; }
          @top-right { font: 8.5pt "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: #5b5b57; }
          @bottom-center { font: 9pt Georgia, "DejaVu Serif", serif; } }
        @media print {
          /* The proportions of the PDF: 10.5 pt on a tighter leading, headings closer to their text. */
          body { font-size: 10.5pt; line-height: 1.4; }
          h2 { margin-top: 1.5em; }
          h3 { margin-top: 1.2em; }
          p { margin-bottom: 0.6em; }
          .announcement { margin: 1rem 0; }
          ul.signers { margin-top: 0.8rem; gap: 0.9rem 1.25rem; }
          article { max-width: none; padding: 0; }
          h2, h3 { break-after: avoid; }
          p, li { orphans: 2; widows: 2; }
          table, tr, figure, .announcement, dl.details, section#jury { break-inside: avoid; }
          table.long { break-inside: auto; }
          thead { display: table-header-group; }
          .announcement { break-before: avoid; }
          .table-scroll { overflow: visible; }
          a { color: inherit; }
          a[href]:not(.bare)::after { content: " (" attr(href) ")"; font-size: 0.85em; }
          .distinction, .announcement, tr.winner th, tr.winner td { -webkit-print-color-adjust: exact; }
        }
        """
}
