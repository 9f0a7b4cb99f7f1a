using Marginalia.Annotations;
using Marginalia.Benchmarks.Corpus;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Importing;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Importing;

/// <summary>
/// Export, import the export into an empty annotations/, build again: the notes come back field for field and the
/// export byte for byte. On input/ and on the 1× scale corpus (2,000 notes).
/// </summary>
public sealed class ImportRoundTripTests
{
    [Fact]
    public async Task Input_notes_come_back_field_for_field_and_the_export_byte_for_byte()
    {
        // Given the repository's site built once, and a copy whose annotations/ is emptied
        using var original = TempSite.CopyOfRepository();
        var (imported, report) = await RoundTrip(original);

        // Then all 38 notes are written, none skipped, orphaned or rejected
        Assert.Equal((38, 38, 0, 0, 0, 0), (report.Annotations, report.Written, report.Updated, report.Skipped, report.Orphaned, report.Rejected));
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity != Severity.Info);

        // And each note equals its original in every field (prefix and suffix included), the body as rendered HTML
        AssertSameNotes(original, imported, samePrefixes: true);

        // And the second build's annotations.jsonld is byte-identical to the first's
        Assert.Equal(original.Snapshot()["annotations.jsonld"], imported.Snapshot()["annotations.jsonld"]);
    }

    [Fact]
    public async Task Scale_corpus_of_2000_notes_comes_back_and_exports_byte_for_byte()
    {
        // Given the 1× scale corpus (50,000 words, 2,000 notes, 500 terms, 200 initiatives) built once
        using var original = TempSite.Empty();
        ScaleCorpus.Generate(words: 50_000, notes: 2_000, terms: 500, initiatives: 200).WriteTo(original.PathOf("input"));
        CopyFolder(RepoPaths.Theme, original.PathOf("theme"));
        var (imported, report) = await RoundTrip(original);

        // Then every note is written
        Assert.Equal((2_000, 2_000, 0, 0, 0), (report.Annotations, report.Written, report.Skipped, report.Orphaned, report.Rejected));

        // And each equals its original; a prefix is the shortest that decides, as `new` writes it, where the generator
        // wrote three words, so prefixes are compared by the place they pick: the byte-identical export below
        AssertSameNotes(original, imported, samePrefixes: false);
        Assert.Equal(original.Snapshot()["annotations.jsonld"], imported.Snapshot()["annotations.jsonld"]);
    }

    private static async Task<(TempSite Imported, ImportReport Report)> RoundTrip(TempSite original)
    {
        Assert.True((await original.BuildAsync()).Succeeded);
        var imported = TempSite.Empty();
        CopyFolder(original.PathOf("input"), imported.PathOf("input"));
        CopyFolder(original.PathOf("theme"), imported.PathOf("theme"));
        Directory.Delete(imported.PathOf("input/annotations"), recursive: true);
        Directory.CreateDirectory(imported.PathOf("input/annotations"));

        // When the export is imported and the site built again
        var report = Importer.Run(new ImportRequest(imported.PathOf("input"), [original.PathOf("output/annotations.jsonld")]));
        var build = await imported.BuildAsync();
        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics.Where(d => d.IsError).Take(5)));
        return (imported, report);
    }

    private static void AssertSameNotes(TempSite original, TempSite imported, bool samePrefixes)
    {
        var before = ReadNotes(original);
        var after = ReadNotes(imported);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, note) in before)
        {
            var back = after[id];
            var expected = note with { SourcePath = back.SourcePath };
            if (!samePrefixes)
            {
                expected = expected with { Prefix = back.Prefix, Suffix = back.Suffix };
                Assert.Equal(note.Prefix is null && note.Suffix is null, back.Prefix is null && back.Suffix is null);
            }

            // Sources are compared as lists (a record compares an ImmutableArray by reference).
            Assert.Equal(expected.Sources.ToList(), back.Sources.ToList());
            Assert.Equal(expected with { Sources = [] }, back with { Sources = [] });
        }
    }

    private static Dictionary<string, Note> ReadNotes(TempSite site)
    {
        var notes = new Dictionary<string, Note>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(site.PathOf("input/annotations"), "*.md"))
        {
            var diagnostics = new DiagnosticBag();
            var source = SourceFileReader.Read(file, Path.GetFileName(file), diagnostics)!;
            var read = NoteParser.Read(source, site.PathOf("input/media"), diagnostics);
            Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
            notes[read!.Note.Id] = read.Note;
        }

        return notes;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
