/// The inline style sheet of the report pages: readable on screen, high contrast (WCAG AA), and printable.
enum ReportStyleSheet {
    /// The CSS text.
    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #fff; color: #1f2328;
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial,
            sans-serif; }
        main { max-width: 1160px; margin: 0 auto; padding: 28px 32px 56px; }
        h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 .35rem; }
        h2 { font-size: 1.3rem; margin: 2.2rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid #d0d7de; }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
        p { margin: .4rem 0 .8rem; max-width: 80ch; }
        a { color: #0550ae; }
        .lead { font-size: 1.02rem; color: #33393f; }
        .muted, .empty, .note { color: #57606a; }
        .empty { font-style: italic; }
        .note { font-size: .875rem; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
          font-size: .84em; background: #f3f5f7; padding: 0 .25em; border-radius: 3px; overflow-wrap: break-word; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 14px;
          margin: 1.2rem 0;
          align-items: start; }
        .card { border: 1px solid #d0d7de; border-radius: 8px; padding: 12px 16px; background: #f8fafc; }
        .card h2 { font-size: 1rem; margin: 0 0 .5rem; border: 0; padding: 0; }
        dl.facts { display: grid; grid-template-columns: fit-content(45%) minmax(0, 1fr); gap: .15rem .9rem;
          margin: 0; font-size: .9rem; }
        dl.facts dt { color: #57606a; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        .table-wrap { overflow-x: auto; margin: .25rem 0 1rem; }
        table { border-collapse: collapse; width: 100%; font-size: .86rem; }
        table.narrow { width: auto; min-width: min(36rem, 100%); }
        address { font-style: normal; margin: .6rem 0; }
        caption { text-align: left; font-weight: 600; padding: .2rem 0 .45rem; }
        th, td { border: 1px solid #d0d7de; padding: .32rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: #eef1f5; font-weight: 600; }
        tbody tr:nth-child(even) { background: #f8fafc; }
        tfoot th { background: #eef1f5; }
        nav.toc { border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 16px; margin: 1rem 0; }
        nav.toc h2 { font-size: 1rem; margin: 0 0 .3rem; border: 0; padding: 0; }
        nav.toc ol { columns: 3 220px; margin: 0; padding-left: 1.3rem; font-size: .92rem; }
        th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.value { white-space: pre-wrap; overflow-wrap: break-word; font-weight: 500; min-width: 11rem; }
        td.props { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
          font-size: .78rem; overflow-wrap: anywhere; color: #33393f; }
        .sub { display: block; color: #57606a; font-size: .8rem; }
        .tag { display: inline-block; padding: 0 .45em; border-radius: 999px; font-size: .8rem; font-weight: 600;
          border: 1px solid currentColor; white-space: nowrap; }
        .tag.good { color: #116329; background: #eafbee; }
        .tag.warn { color: #7d4e00; background: #fff5d6; }
        .tag.bad { color: #a40e26; background: #ffeef0; }
        .tag.neutral { color: #424a53; background: #f3f5f7; }
        ul.rights { padding-left: 1.2rem; }
        ul.rights li { margin: .25rem 0; }
        .banner { border-radius: 8px; padding: 14px 18px; margin: 1rem 0 1.4rem; border: 2px solid; }
        .banner strong { font-size: 1.15rem; }
        .banner.ok { background: #eafbee; border-color: #1a7f37; color: #0f4d22; }
        .banner.bad { background: #ffeef0; border-color: #cf222e; color: #82071e; }
        .totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px;
          margin: 1rem 0; }
        .total { border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 14px; background: #f8fafc; }
        .total .figure { display: block; font-size: 1.4rem; font-weight: 700; font-variant-numeric: tabular-nums; }
        .total .label { color: #57606a; font-size: .85rem; }
        figure.chart { margin: 1rem 0 1.6rem; }
        figure.chart svg { display: block; width: 100%; height: auto; max-width: 1100px; }
        figure.chart figcaption { font-weight: 600; margin-bottom: .4rem; }
        details { margin: .3rem 0 1rem; }
        summary { cursor: pointer; color: #0550ae; font-size: .9rem; }
        footer { margin-top: 2.5rem; padding-top: .8rem; border-top: 1px solid #d0d7de; color: #57606a;
          font-size: .85rem; }
        @page { margin: 14mm; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          .table-wrap { overflow: visible; }
          tr, figure, .card, .total, .banner { break-inside: avoid; }
          h2, h3, caption { break-after: avoid; }
          summary { display: none; }
          a { color: inherit; text-decoration: none; }
          .card, .total, thead th, tbody tr:nth-child(even) { -webkit-print-color-adjust: exact;
            print-color-adjust: exact; }
        }

        """
}
