using System.Text;
using Marginalia.Content;
using Marginalia.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Marginalia.Annotations.Reanchoring;

/// <summary>
/// Writes a re-anchored note's new <c>quote</c>, <c>prefix</c>, <c>suffix</c> and <c>essay-version</c> into its file
/// and touches nothing else: each value is replaced where it stands (comments, field order, line endings and a byte
/// order mark survive), a selector no longer needed is removed with its line, a new one is added under the quote.
/// </summary>
internal static class NoteFileFixer
{
    /// <summary>Rewrites the note's file in place (see <see cref="InputFileEdit"/>).</summary>
    /// <returns>The fields whose values changed, in file order of the four.</returns>
    public static IReadOnlyList<string> Apply(NoteRepair repair)
    {
        ArgumentNullException.ThrowIfNull(repair);
        return InputFileEdit.Apply(repair.FullPath, text => Rewrite(text, repair.Placement, repair.EssayVersion));
    }

    /// <summary>The file's text with the four fields set from <paramref name="placement"/>, and which of them changed.</summary>
    /// <exception cref="InvalidOperationException">The text has no front matter with a quote (the build read it, so it should).</exception>
    public static (string Text, IReadOnlyList<string> Changed) Rewrite(string text, Placement placement, string essayVersion)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(placement);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var (yamlStart, yamlEnd) = InputFileEdit.FrontMatterSpan(text);
        var fields = TopLevelFields(text[yamlStart..yamlEnd]).ToDictionary(f => f.Key, f => f with { KeyStart = f.KeyStart + yamlStart, ValueStart = f.ValueStart + yamlStart, ValueEnd = f.ValueEnd + yamlStart }, StringComparer.Ordinal);
        if (!fields.TryGetValue("quote", out var quote))
        {
            throw new InvalidOperationException("the note has no quote field");
        }

        // Edits as (start, end, replacement), applied from the end so earlier offsets stay valid.
        var edits = new List<(int Start, int End, string Text)>();
        var changed = new List<string>();
        var insertAt = LineEnd(text, quote.ValueEnd);
        var inserted = new StringBuilder();
        foreach (var (key, value) in new[] { ("quote", placement.Quote), ("prefix", placement.Prefix), ("suffix", placement.Suffix), ("essay-version", essayVersion) })
        {
            if (fields.TryGetValue(key, out var field))
            {
                if (value is null)
                {
                    edits.Add((LineStart(text, field.KeyStart), LineEnd(text, field.ValueEnd), string.Empty));
                    changed.Add(key);
                }
                else if (field.Value != value)
                {
                    edits.Add((field.ValueStart, field.ValueEnd, YamlText.Quote(value)));
                    changed.Add(key);
                }
            }
            else if (value is not null)
            {
                inserted.Append(key).Append(": ").Append(YamlText.Quote(value)).Append(newline);
                changed.Add(key);
            }
        }

        if (inserted.Length > 0)
        {
            edits.Add((insertAt, insertAt, inserted.ToString()));
        }

        var result = new StringBuilder(text);
        foreach (var (start, end, replacement) in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.End))
        {
            result.Remove(start, end - start).Insert(start, replacement);
        }

        return (result.ToString(), changed);
    }

    /// <summary>Each top-level field: its scalar value (null for lists and mappings), where its key starts and where its value starts and ends (trailing line breaks excluded).</summary>
    private static List<(string Key, string? Value, int KeyStart, int ValueStart, int ValueEnd)> TopLevelFields(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        parser.Consume<MappingStart>();
        var fields = new List<(string Key, string? Value, int KeyStart, int ValueStart, int ValueEnd)>();
        while (!parser.Accept<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            var valueStart = (int)parser.Current!.Start.Index;
            var value = (parser.Current as Scalar)?.Value;
            var depth = 0;
            int valueEnd;
            do
            {
                var current = parser.Current!;
                depth += current.NestingIncrease;
                valueEnd = (int)current.End.Index;
                parser.MoveNext();
            }
            while (depth > 0);

            while (valueEnd > valueStart && yaml[valueEnd - 1] is '\n' or '\r' or ' ')
            {
                valueEnd--;
            }

            fields.Add((key.Value, value, (int)key.Start.Index, valueStart, valueEnd));
        }

        return fields;
    }

    private static int LineStart(string text, int offset) => text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;

    /// <summary>The offset just past the line break ending the line that holds <paramref name="offset"/>.</summary>
    private static int LineEnd(string text, int offset)
    {
        var end = text.IndexOf('\n', offset);
        return end < 0 ? text.Length : end + 1;
    }
}
