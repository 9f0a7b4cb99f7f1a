namespace Marginalia.Tests.Hostile;

/// <summary>
/// Markdown bodies of notes, glossary terms and initiatives that try to run script, load a foreign URL, inject CSS
/// or hide text: each is refused with its code at the line and column of the offending construct, and the build
/// writes nothing. The body rules are shared (ContributionFile.RenderBody), so the full list runs on notes and a
/// sample on terms and initiatives.
/// </summary>
public class HostileBodyTests
{
    public static TheoryData<string, string, string, string> Rejected => new()
    {
        // kind, case (the file's id), body, expected errors as "CODE line-offset:column" (line offset from the body's first line)
        { "note", "script-tag", "<script>window.__pwned = 1</script>\n", "MG0607 0:1" },
        { "note", "event-handler", "An <img src=x onerror=\"window.__pwned=1\"> picture.\n", "MG0607 0:4" },
        { "note", "style-attribute", "A <span style=\"background:url(javascript:window.__pwned=1)\">b</span>.\n", "MG0607 0:3" },
        { "note", "style-block", "<style>body{background:url(javascript:window.__pwned=1)}</style>\n", "MG0607 0:1" },
        { "note", "javascript-link", "Click [x](javascript:window.__pwned=1).\n", "MG0608 0:7" },
        { "note", "vbscript-link", "Click [x](vbscript:msgbox(1)).\n", "MG0608 0:7" },
        { "note", "data-link", "Click [x](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+).\n", "MG0608 0:7" },
        { "note", "decimal-entity-scheme", "Click [x](&#106;avascript:window.__pwned=1).\n", "MG0608 0:7" },
        { "note", "hex-entity-scheme", "Click [x](&#x6A;avascript:window.__pwned=1).\n", "MG0608 0:7" },
        { "note", "mixed-case-scheme", "Click [x](JaVaScRiPt:window.__pwned=1).\n", "MG0608 0:7" },
        { "note", "tab-in-scheme", "Click [x](<java\tscript:window.__pwned=1>).\n", "MG0608 0:7" },
        { "note", "entity-tab-in-scheme", "Click [x](java&#9;script:window.__pwned=1).\n", "MG0608 0:7" },
        { "note", "entity-nul-in-scheme", "Click [x](java&#0;script:window.__pwned=1).\n", "MG0608 0:7,MG0620 0:15" },
        { "note", "leading-space-scheme", "Click [x](< javascript:window.__pwned=1>).\n", "MG0608 0:7" },
        { "note", "css-url-link", "Click [x](url(javascript:window.__pwned=1)).\n", "MG0608 0:7" },
        { "note", "reference-link", "Click [x][r].\n\n[r]: vbscript:msgbox(1)\n", "MG0608 0:7" },
        { "note", "autolink", "Click <javascript:window.__pwned=1>.\n", "MG0608 0:7" },
        { "note", "vbscript-autolink", "Click <VBScript:msgbox(1)>.\n", "MG0608 0:7" },
        { "note", "javascript-image", "See ![x](javascript:window.__pwned=1).\n", "MG0609 0:5" },
        { "note", "data-image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n", "MG0609 0:1" },
        { "note", "reference-image", "See ![x][i].\n\n[i]: javascript:window.__pwned=1\n", "MG0609 0:5" },
        { "note", "image-path-escape", "![x](media/../../etc/passwd)\n", "MG0609 0:1" },
        { "note", "xref-path-escape", "See [x](xref:notes/../index).\n", "MG0610 0:5" },
        { "note", "bidi-override", "Text \u202Egnp.exe\u202C here.\n", "MG0614 0:6,MG0614 0:14" },
        { "note", "bidi-isolate", "Text \u2067abc\u2069 here.\n", "MG0614 0:6,MG0614 0:10" },
        { "note", "zero-width-space", "Te\u200Bxt here.\n", "MG0614 0:3" },
        { "note", "control-character", "Bell\u0007 and\u0085 here.\n", "MG0614 0:5,MG0614 0:10" },
        { "note", "entity-bidi-override", "Text &#x202E;gnp.exe here.\n", "MG0614 0:6" },
        { "note", "entity-zero-width", "Te&#x200B;xt &ZeroWidthSpace; here.\n", "MG0614 0:3,MG0614 0:14" },
        { "note", "entity-not-xml", "Bell &#x7; and &#xFFFE; here.\n", "MG0614 0:6,MG0620 0:16" },
        { "note", "entity-in-link-title", "See [x](https://x.test \"&#x202E;\").\n", "MG0614 0:25" },
        { "note", "escape-in-link", "See [x](https://x.test/%E2%80%8B).\n", "MG0614 0:9" },
        { "note", "literal-nonchar", "Text \uFFFF here.\n", "MG0620 0:6" },
        { "note", "heading", "# A second h1\n\nText.\n", "MG0621 0:1" },
        { "note", "setext-heading", "Text.\n\nA heading\n=========\n", "MG0621 2:1" },
        { "note", "multi-line-setext-heading", "Text.\n\nA heading\nover two lines\n=========\n", "MG0621 2:1" },
        { "note", "html-in-setext-heading", "x\n<a>\"- \n===\n", "MG0621 0:1,MG0607 1:1" },
        { "note", "link-in-setext-heading", "A\nB\nC [x](javascript:x)\n---\n", "MG0621 0:1,MG0608 2:3" },
        { "note", "empty-nbsp", "&nbsp;\n", "MG0606 0:1" },
        { "note", "empty-link-definition", "[a]: https://x.test\n", "MG0606 0:1" },
        { "note", "empty-emphasis", "** **\n", "MG0606 0:1" },
        { "note", "empty-link", "[](https://x.test)\n", "MG0606 0:1" },
        { "note", "deep-quotes", new string('>', 128) + " x\n", "MG0619 0:17" },
        { "note", "open-brackets", new string('[', 3000) + "x\n", "MG0619 0:17" },
        { "note", "deep-lists", string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', 2 * i) + "- x\n")), "MG0619 16:33" },
        { "note", "wide-table", string.Concat(Enumerable.Repeat("|a", 20_000)) + "\n" + string.Concat(Enumerable.Repeat("|-", 20_000)) + "\n", "MG0618 0:2001,MG0618 0:20001" },
        { "note", "long-table", "a|b\n-|-\n" + string.Concat(Enumerable.Repeat("a|b\n", 40_000)), "MG0618 1000:1,MG0618 1000:2,MG0618 5000:1" },
        { "term", "script-tag", "<script>window.__pwned = 1</script>\n", "MG0607 0:1" },
        { "term", "javascript-link", "Click [x](JaVaScRiPt:window.__pwned=1).\n", "MG0608 0:7" },
        { "term", "data-image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n", "MG0609 0:1" },
        { "term", "bidi-override", "Text \u202Egnp.exe here.\n", "MG0614 0:6" },
        { "initiative", "event-handler", "An <img src=x onerror=\"window.__pwned=1\"> picture.\n", "MG0607 0:4" },
        { "initiative", "reference-link", "Click [x][r].\n\n[r]: &#x6A;avascript:window.__pwned=1\n", "MG0608 0:7" },
        { "initiative", "autolink", "Click <javascript:window.__pwned=1>.\n", "MG0608 0:7" },
        { "term", "entity-bidi-override", "Text &#x202E;gnp.exe here.\n", "MG0614 0:6" },
        { "term", "heading", "## Part\n\nText.\n", "MG0621 0:1" },
        { "term", "empty-rule", "***\n", "MG0606 0:1" },
        { "term", "deep-emphasis", new string('*', 500) + "x" + new string('*', 500) + "\n", "MG0619 0:1" },
        { "term", "emphasis-marks", string.Concat(Enumerable.Repeat("a*", 5_000)) + "\n", "MG0618 0:2002" },
        { "initiative", "deep-headings", "# A\n\n## B\n\n### C\n\n#### D\n", "MG0621 6:1" },
        { "initiative", "entity-control", "Text &#x1; here.\n", "MG0614 0:6" },
        { "initiative", "empty-whitespace-entities", "&#x2003;&ensp;\n", "MG0606 0:1" },
        { "initiative", "deep-list-quote-mix", string.Concat(Enumerable.Repeat("> - ", 64)) + "x\n", "MG0619 0:33" },
        { "initiative", "zero-width-space", "Te\u200Bxt here.\n", "MG0614 0:3" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task A_hostile_body_is_rejected_with_its_code_line_and_column(string kind, string name, string body, string expected)
    {
        // Given a copy of the repository with one hostile contribution
        var (folder, text, bodyLine) = HostileFiles.WithBody(kind, body);
        var path = $"input/{folder}/hostile-{name}.md";

        // When it is built
        var (site, result) = await HostileFiles.BuildWithAsync(true, (path, text));
        using var _ = site;

        // Then exactly these errors are reported, at these places, and nothing is written
        var want = expected.Split(',').Select(e =>
        {
            var (code, at) = (e[..6], e[7..].Split(':'));
            return $"{code} {path}:{bodyLine + int.Parse(at[0], System.Globalization.CultureInfo.InvariantCulture)}:{at[1]}";
        });
        Assert.Equal(want, HostileFiles.Errors(result));
        Assert.False(result.WroteOutput);
        Assert.False(Directory.Exists(site.OutputDir));
    }
}
