using Marginalia.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Marginalia.Content;

/// <summary>
/// Loads a YAML mapping from untrusted text. Every event is checked as the parser yields it, before the node model
/// sees it, because YamlDotNet's node model recurses and expands aliases: nesting is bounded and anchors, aliases and
/// tags are refused before a node is built from them. One pass: the text is scanned once, not checked and then loaded.
/// </summary>
internal static class SafeYaml
{
    public const int MaxDepth = 8;

    /// <param name="yaml">The YAML text.</param>
    /// <param name="path">The file, as diagnostics show it.</param>
    /// <param name="firstLine">The file line the YAML text starts on (2 for front matter after its '---').</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="literalsChecked">Whether the file's own characters were checked already (see <see cref="DecodedValues"/>).</param>
    /// <returns>The root mapping (empty for empty text), or null if the text is not a safe YAML mapping.</returns>
    public static YamlMappingNode? LoadMapping(string yaml, string path, int firstLine, DiagnosticBag diagnostics, bool literalsChecked = false)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        SourceLocation At(Mark mark) => new(path, (int)mark.Line + firstLine - 1, (int)mark.Column);
        var parser = new CheckedParser(new Parser(new StringReader(yaml)), At, diagnostics);
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0)
            {
                return new YamlMappingNode();
            }

            if (stream.Documents[0].RootNode is YamlMappingNode mapping)
            {
                return DecodedValues.Check(mapping, yaml, At, diagnostics, literalsChecked) ? mapping : null;
            }

            diagnostics.Error(DiagnosticCodes.NotAMapping, At(stream.Documents[0].RootNode.Start), "expected 'field: value' lines");
            return null;
        }
        catch (UnsafeYamlException)
        {
            // The checking parser reported it, at the event that broke the rule.
            return null;
        }
        catch (YamlException ex)
        {
            var message = ex.Message;
            if (message.StartsWith("Duplicate key", StringComparison.Ordinal))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateField, At(ex.Start), $"field is given twice: {FieldLimits.Shorten(message["Duplicate key ".Length..])}", "keep one of them");
                return null;
            }

            if (YamlCauses.Find(yaml, (int)ex.Start.Line, message) is { } cause)
            {
                diagnostics.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(path, cause.Line + firstLine - 1, cause.Column), $"invalid YAML: {cause.Message}", cause.Hint);
                return null;
            }

            diagnostics.Error(DiagnosticCodes.YamlSyntax, At(ex.Start), $"invalid YAML: {message.TrimEnd('.')}", HintFor(message));
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some broken input instead of a YamlException (a "\uD800\u0301" escape;
            // "sources:\n  - title: [\nstarted: 2022"): report them where reading stopped, never as a crash.
            diagnostics.Error(DiagnosticCodes.YamlSyntax, At(parser.ReadUpTo), "invalid YAML: cannot be read past this point",
                ex is ArgumentException
                    ? "a \\u escape must name a whole character: write the character itself instead of a surrogate pair's halves"
                    : "check that every '[' and '{' closes on the same line and every quote that opens also closes");
            return null;
        }
    }

    /// <summary>Passes the parser's events on, refusing each one that breaks a rule before anything is built from it.</summary>
    private sealed class CheckedParser(IParser inner, Func<Mark, SourceLocation> at, DiagnosticBag diagnostics) : IParser
    {
        private int _depth;
        private int _documents;

        public ParsingEvent? Current => inner.Current;

        /// <summary>Where the last event read ended: where a scanner that throws something other than a YamlException stopped.</summary>
        public Mark ReadUpTo { get; private set; } = Mark.Empty;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            var current = inner.Current!;
            ReadUpTo = current.End;
            switch (current)
            {
                case AnchorAlias alias:
                    diagnostics.Error(DiagnosticCodes.YamlAnchor, at(alias.Start), $"YAML alias '*{alias.Value}' is not allowed",
                        "if the '*' is part of the text, put the whole value in double quotes: \"*…\"; otherwise write the value out in full");
                    throw new UnsafeYamlException();
                case NodeEvent { Anchor.IsEmpty: false } node:
                    diagnostics.Error(DiagnosticCodes.YamlAnchor, at(node.Start), $"YAML anchor '&{node.Anchor}' is not allowed",
                        "if the '&' is part of the text, put the whole value in double quotes: \"&…\"; otherwise write the value out in full");
                    throw new UnsafeYamlException();
                case NodeEvent { Tag.IsEmpty: false } node when !IsPlainTag(node):
                    diagnostics.Error(DiagnosticCodes.YamlAnchor, at(node.Start), $"YAML tag '{node.Tag}' is not allowed",
                        "if the '!' is part of the text, put the whole value in double quotes: \"!…\"; otherwise remove the tag");
                    throw new UnsafeYamlException();
                case DocumentStart when ++_documents > 1:
                    diagnostics.Error(DiagnosticCodes.YamlSyntax, at(current.Start), "only one YAML document is allowed here");
                    throw new UnsafeYamlException();
                case MappingStart or SequenceStart:
                    if (++_depth > MaxDepth)
                    {
                        diagnostics.Error(DiagnosticCodes.YamlTooDeep, at(current.Start), $"YAML is nested more than {MaxDepth} levels deep");
                        throw new UnsafeYamlException();
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
            }

            return true;
        }
    }

    /// <summary>Stops the load at an event the checking parser refused (and reported).</summary>
    private sealed class UnsafeYamlException : Exception;

    // Quoted scalars carry the implicit '!' tag in the event stream; that is not a user-written tag.
    private static bool IsPlainTag(NodeEvent node) => node.Tag.Value == "!";

    // Only when YamlCauses found no cause in the lines: a general hint, not a guess at one cause.
    private static string? HintFor(string message) =>
        message.Contains("indentation", StringComparison.OrdinalIgnoreCase)
            ? "check the indentation (spaces, the same for fields of one level) and that every quote that opens also closes"
            : "check that every quote that opens also closes, and put a value in double quotes when it holds ': ' or starts with a character other than a letter or digit";
}
