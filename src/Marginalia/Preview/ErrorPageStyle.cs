namespace Marginalia.Preview;

/// <summary>
/// The error page's own stylesheet, served at <see cref="Path"/> after the theme's (<see cref="ThemePath"/>). Every
/// value falls back to the theme's default, so the page keeps its look, colours and contrast when the theme's
/// stylesheet is what broke the build and cannot be read. A file of its own, not an inline style: the preview sends
/// the site's <c>style-src 'self'</c>, and a broken theme rule cannot swallow a rule in another file.
/// </summary>
internal static class ErrorPageStyle
{
    public const string Path = LiveReload.Prefix + "errors.css";

    /// <summary>The theme's own stylesheet, read from the theme folder at each request (not from the output, which may be a build behind).</summary>
    public const string ThemePath = LiveReload.Prefix + "theme.css";

    /// <summary>Where the theme keeps its stylesheet, under the theme folder.</summary>
    public static readonly string ThemeFile = System.IO.Path.Combine("assets", "site.css");

    /// <summary>A stylesheet larger than this is not the theme's: the page does without it.</summary>
    public const long ThemeFileLimit = 1024 * 1024;

    // Contrast, light: error 8.2:1 and warning 7.4:1 on the paper, 7.2:1 and 6.5:1 on the excerpt; dark: 8.9:1 and
    // 10.4:1, 7.6:1 and 8.9:1. Gutter numbers are --ink-soft: 6.4:1 (light) and 5.8:1 (dark) on the marked line.
    public const string Css = """
        /* Marginalia preview: the page shown while the site does not build. */
        :root {
          color-scheme: light dark;
          --mg-paper: var(--paper, #fcfaf6);
          --mg-ink: var(--ink, #1d1b18);
          --mg-ink-soft: var(--ink-soft, #5a534a);
          --mg-rule: var(--rule, #ddd4c7);
          --mg-code-bg: var(--tag-bg, #f1ebe1);
          --mg-at-bg: var(--highlight, #f7eed2);
          --mg-error: #8b2c17;
          --mg-warning: #6b4e00;
          --mg-text: var(--font-text, "Iowan Old Style", Charter, Cambria, Georgia, "Noto Serif", serif);
          --mg-ui: var(--font-ui, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif);
          --mg-mono: ui-monospace, "SF Mono", "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
        }

        @media (prefers-color-scheme: dark) {
          :root {
            --mg-paper: var(--paper, #1a1815);
            --mg-ink: var(--ink, #e9e4da);
            --mg-ink-soft: var(--ink-soft, #b0a797);
            --mg-rule: var(--rule, #3d3831);
            --mg-code-bg: var(--tag-bg, #2a2621);
            --mg-at-bg: #342c1d;
            --mg-error: #f2a68b;
            --mg-warning: #e6c36a;
          }
        }

        body.build-report {
          margin: 0;
          background-color: var(--mg-paper);
          color: var(--mg-ink);
          font-family: var(--mg-text);
          line-height: 1.6;
          overflow-wrap: break-word;
        }

        .build-report * {
          box-sizing: border-box;
        }

        /* The theme's grid puts the text in a 59ch column; a report of code reads better wider. */
        .build-report > header,
        .build-report > main {
          width: min(100% - 2rem, 60rem);
          margin-inline: auto;
          grid-column: full-start / full-end;
        }

        .build-report > header {
          padding-block: 1.25rem 1rem;
          border-block-end: 1px solid var(--mg-rule);
          font-family: var(--mg-ui);
          font-size: 0.8rem;
          font-weight: 700;
          letter-spacing: 0.12em;
          text-transform: uppercase;
        }

        .build-report > header p {
          margin: 0;
        }

        .build-report > main {
          padding-block: 1.5rem 4rem;
        }

        .build-report h1 {
          margin-block: 0 0.5rem;
          font-size: 1.953rem;
          line-height: 1.2;
        }

        .build-summary {
          margin-block: 0 2rem;
          max-width: 40em;
        }

        .build-summary strong {
          color: var(--mg-error);
        }

        .build-file {
          margin-block-end: 2.5rem;
        }

        .build-file h2 {
          display: flex;
          flex-wrap: wrap;
          align-items: baseline;
          gap: 0.25rem 0.75rem;
          margin-block: 0 0.75rem;
          padding-block-end: 0.25rem;
          border-block-end: 1px solid var(--mg-rule);
          font-size: 1.25rem;
          line-height: 1.3;
        }

        .build-file h2 code {
          font-family: var(--mg-mono);
          font-size: 0.85em;
          overflow-wrap: anywhere;
        }

        .build-file-count {
          font-family: var(--mg-ui);
          font-size: 0.8rem;
          font-weight: 400;
          color: var(--mg-ink-soft);
        }

        .diagnostics {
          margin: 0;
          padding: 0;
          list-style: none;
        }

        .diagnostic {
          margin-block: 0 1.5rem;
          padding-inline-start: 0.9rem;
          border-inline-start: 4px solid var(--mg-error);
        }

        .diagnostic.is-warning {
          border-inline-start-style: dashed;
          border-inline-start-color: var(--mg-warning);
        }

        .diagnostic h3 {
          margin: 0;
          font-family: var(--mg-ui);
          font-size: 0.9rem;
          font-weight: 600;
          line-height: 1.4;
        }

        .diagnostic-severity {
          color: var(--mg-error);
          text-transform: uppercase;
          letter-spacing: 0.06em;
        }

        .is-warning .diagnostic-severity {
          color: var(--mg-warning);
        }

        .diagnostic h3 code,
        .diagnostic-place {
          font-family: var(--mg-mono);
          font-size: 0.9em;
        }

        .diagnostic-place {
          margin: 0;
          color: var(--mg-ink-soft);
          font-size: 0.8rem;
          overflow-wrap: anywhere;
        }

        .diagnostic-message {
          margin-block: 0.35rem 0;
          font-size: 1.1rem;
        }

        .diagnostic-hint {
          margin-block: 0.25rem 0;
        }

        .diagnostic-hint strong {
          font-family: var(--mg-ui);
          font-size: 0.85rem;
        }

        .excerpt {
          margin-block: 0.6rem 0;
          padding-block: 0.5rem;
          overflow-x: auto;
          background-color: var(--mg-code-bg);
          border-radius: 3px;
          font-family: var(--mg-mono);
          font-size: 0.85rem;
          line-height: 1.5;
          tab-size: 4;
        }

        .excerpt code {
          font-family: inherit;
          font-size: inherit;
        }

        .excerpt-line,
        .excerpt-caret {
          display: block;
          min-width: max-content;
          padding-inline-end: 1rem;
          white-space: pre;
        }

        /* The caret's line shares the marked line's tint: the two read as one. */
        .excerpt-line.is-at,
        .excerpt-caret {
          background-color: var(--mg-at-bg);
        }

        .excerpt-number {
          display: inline-block;
          min-width: 4ch;
          padding-inline-end: 1ch;
          margin-inline-end: 1ch;
          border-inline-end: 1px solid var(--mg-rule);
          color: var(--mg-ink-soft);
          text-align: end;
          user-select: none;
        }

        .excerpt-caret {
          color: var(--mg-error);
          font-weight: 700;
          line-height: 1.1;
        }

        .is-warning .excerpt-caret {
          color: var(--mg-warning);
        }

        .excerpt-caret .excerpt-number {
          border-inline-end-color: transparent;
        }

        /* Takes the width of the text before the column, whatever its characters are, and shows nothing. */
        .excerpt-pad {
          visibility: hidden;
        }

        .build-report :focus-visible {
          outline: 3px solid var(--focus, #0b57d0);
          outline-offset: 2px;
        }

        """;
}
