using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Glossary;
using Marginalia.Initiatives;

namespace Marginalia.Tests.Properties;

/// <summary>
/// Whatever bytes a contributor commits, reading them ends in a result or in diagnostics, never in an exception, and
/// never in nothing: a file that yields no note, term or initiative yields at least one error naming it.
/// </summary>
public class LoaderProperties
{
    // Pieces of front matter, valid and broken, that a contributor (or an attacker) might write.
    private static readonly string[] FrontMatterPieces =
    [
        "quote: \"India’s Bhashini project\"\n", "quote: India’s Bhashini project: aims\n", "prefix: \"x\"\n", "suffix: ''\n",
        "kind: source\n", "kind: fact-check\n", "kind: 3\n", "author: octo-cat\n", "author: -bad-\n", "created: 2026-11-27\n",
        "created: 2026-02-30\n", "updated: 1999-01-01\n", "lang: en\n", "lang: 😀\n", "essay-version: 0123456789ab\n",
        "term: \"WTO\"\n", "aliases: [\"a\", \"b\"]\n", "aliases: {a: 1}\n", "case: sensitive\n", "case: maybe\n", "short: \"Short.\"\n",
        "name: \"Bhashini\"\n", "mentions: [\"India’s Bhashini project\"]\n", "mentions: []\n", "summary: \"S.\"\n", "started: 2022\n",
        "started: -5\n", "url: \"https://x.test/\"\n", "url: \"javascript:alert(1)\"\n", "region: \"India\"\n",
        "sources:\n  - title: \"T\"\n    url: \"https://x.test/\"\n", "sources:\n  - 1\n", "sources: {}\n", "sources:\n  - title: [\n",
        "a: &x [1]\n", "b: *x\n", "c: !!binary aGk=\n", "d: !custom x\n", "%YAML 1.2\n", "--- \n", "...\n", "? complex\n: key\n",
        "e: [[[[[[[[[[1]]]]]]]]]]\n", "f: {g: {h: {i: {j: {k: {l: {m: {n: 1}}}}}}}}\n", "quote: \"\\uD800\\u0301\"\n", "quote: \"\\0\"\n",
        "quote: |\n  block\n", "quote: >\n  folded\n", "quote: \"unclosed\n", "quote: 'single\n", "\t", "  ", "\n", ": ", "- ", "#", "\"", "'",
        "{", "}", "[", "]", ",", "quote: ", "quote: \"a\"\nquote: \"b\"\n", "unknown-field: 1\n", "\r", "\u00A0", "\u200B", "\uFEFF",
    ];

    private static readonly string[] BodyPieces =
    [
        "A note.\n", "", "\n", "# Heading\n", "<script>alert(1)</script>\n", "[x](javascript:alert(1))\n", "[x](xref:notes/nothing)\n",
        "![m](media/../../etc/passwd)\n", "![m](https://x.test/a.png)\n", "[^1]\n\n[^1]: foot\n", "<!-- c -->\n", "`code`\n", "| a |\n|---|\n",
        "---\n", "> quote\n", "* * *\n", "[x]: <https://x.test>\n", "&#0;\n", "\\\n",
    ];

    private static Arbitrary<string> NearValidFiles()
    {
        var front = Gen.Elements(FrontMatterPieces).ListOf().Select(p => string.Concat(p));
        var body = Gen.Elements(BodyPieces).ListOf().Select(p => string.Concat(p));
        var gen = from opens in Gen.Elements(true, true, true, false)
                  from closes in Gen.Elements(true, true, true, false)
                  from f in front
                  from b in body
                  select (opens ? "---\n" : "") + f + (closes ? "---\n" : "") + b;
        return gen.ToArbitrary();
    }

    /// <summary>Reads a file's text as every contributed kind and as front matter; checks that no result comes with an error.</summary>
    private static void ReadAsEverything(SourceText source)
    {
        var parsed = new DiagnosticBag();
        Assert.True(FrontMatterParser.Parse(source, parsed) is not null || parsed.Sorted().Any(d => d.IsError), "front matter refused without an error");

        foreach (var (kind, path) in new[] { ("note", "annotations"), ("term", "glossary"), ("initiative", "initiatives") })
        {
            var diagnostics = new DiagnosticBag();
            var file = source with { DisplayPath = $"input/{path}/fuzzed.md" };
            object? read = kind switch
            {
                "note" => NoteParser.Read(file, Path.GetTempPath(), diagnostics),
                "term" => TermParser.Read(file, Path.GetTempPath(), diagnostics),
                _ => InitiativeParser.Read(file, Path.GetTempPath(), diagnostics),
            };
            var errors = diagnostics.Sorted().Where(d => d.IsError).ToList();
            Assert.True(read is not null || errors.Count > 0, $"a {kind} was dropped without an error");
            Assert.All(errors, e => Assert.Equal($"input/{path}/fuzzed.md", e.Location.Path));
            Assert.All(errors, e => Assert.True(e.Location.Line >= 1 && e.Location.Column >= 1, $"{e} has no line and column"));
        }
    }

    [Property(MaxTest = 200)]
    public Property Arbitrary_bytes_are_decoded_or_refused_with_an_error_never_thrown() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>().Filter(b => b is not null), bytes =>
        {
            var diagnostics = new DiagnosticBag();

            var text = SourceFileReader.Decode(bytes, "/x/fuzzed.md", "input/annotations/fuzzed.md", diagnostics);

            Assert.True(text is not null || diagnostics.Sorted().Any(d => d.IsError && d.Location.Path == "input/annotations/fuzzed.md"));
            if (text is not null)
            {
                ReadAsEverything(text);
            }
        });

    [Property(MaxTest = 200)]
    public Property Near_valid_front_matter_is_read_or_refused_with_errors_never_thrown() =>
        Prop.ForAll(NearValidFiles(), content =>
        {
            var diagnostics = new DiagnosticBag();

            // Through the strict decoder, as files arrive: a "\0" piece or a stray BOM is the decoder's to refuse
            var text = SourceFileReader.Decode(Encoding.UTF8.GetBytes(content), "/x/fuzzed.md", "input/annotations/fuzzed.md", diagnostics);

            Assert.True(text is not null || diagnostics.Count > 0);
            if (text is not null)
            {
                ReadAsEverything(text);
            }
        });

    [Property(MaxTest = 200)]
    public Property Arbitrary_strings_as_front_matter_values_never_throw() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), value =>
        {
            // A value in double quotes with YAML escapes, so control characters and lone surrogates reach the readers
            var escaped = string.Concat(value.Select(c => c < 0x20 || c is '"' or '\\' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
            ReadAsEverything(new SourceText("/x/fuzzed.md", "input/annotations/fuzzed.md",
                $"---\nquote: \"{escaped}\"\nterm: \"{escaped}\"\nname: \"{escaped}\"\nmentions: [\"{escaped}\"]\nauthor: octo-cat\ncreated: 2026-11-27\n---\nBody.\n"));
        });
}
