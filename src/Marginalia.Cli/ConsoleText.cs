using Marginalia.Diagnostics;
using Spectre.Console;

namespace Marginalia.Cli;

/// <summary>A piece of a console line with an optional style; plain strings convert to unstyled pieces.</summary>
internal readonly record struct Styled(string Text, Style? Style = null)
{
    public static implicit operator Styled(string text) => new(text);

    public static Styled FromString(string text) => new(text);
}

/// <summary>
/// Writes styled lines without Spectre's markup parser: the first markup parse builds Spectre's emoji table, about
/// 50 ms of a 400 ms cold build, and untrusted text (paths, messages) then needs no markup escaping either.
/// Every piece is passed through <see cref="VisibleText"/>: a file name or message holding ESC, CR or a bidirectional
/// override prints as <c>\x1B</c>, <c>\x0D</c>, <c>&lt;U+202E&gt;</c> and cannot act on the terminal.
/// </summary>
internal static class ConsoleText
{
    public static readonly Style Bold = new(decoration: Decoration.Bold);
    public static readonly Style Dim = new(decoration: Decoration.Dim);
    public static readonly Style Red = new(Color.Red);
    public static readonly Style Green = new(Color.Green);
    public static readonly Style Yellow = new(Color.Yellow);
    public static readonly Style Blue = new(Color.Blue);

    public static void Line(this IAnsiConsole console, params Styled[] pieces)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(pieces);
        var paragraph = new Paragraph();
        foreach (var piece in pieces)
        {
            paragraph.Append(VisibleText.Escape(piece.Text), piece.Style);
        }

        console.Write(paragraph);
        console.WriteLine();
    }
}
