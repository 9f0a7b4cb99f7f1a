using System.Text;

namespace Marginalia.Importing;

/// <summary>
/// Writes running text as Markdown for <see cref="HtmlToMarkdown"/>: escapes what Markdig would read as syntax and
/// handles HTML white space. Spaces inside a line are kept as they are (a browser shows a run of them as one space, and
/// so does the re-rendered body, since Markdig keeps them too); a run that holds a line break becomes one line break,
/// because Markdig writes a soft break as a newline and the round trip must give the same HTML. White space at the
/// start and end is held back (<see cref="Leading"/>, <see cref="Trailing"/>) so that emphasis can put it outside its
/// delimiters, where Markdown needs it.
/// </summary>
internal sealed class MarkdownInlines(bool startsLine, bool singleLine, string opener = "")
{
    private readonly StringBuilder _text = new();
    private string? _pending; // white space seen but not yet written: it is written only if text follows
    private bool _started;

    /// <summary>White space before the first text, or empty.</summary>
    public string Leading { get; private set; } = string.Empty;

    /// <summary>White space after the last text, or empty.</summary>
    public string Trailing => _pending ?? string.Empty;

    /// <summary>
    /// The last character written, white space held back included, or the one before this text (the delimiter it
    /// sits in); emphasis picks its delimiter by it.
    /// </summary>
    public char Last => _pending is not null || (_text.Length == 0 && Leading.Length > 0) ? ' ' : _text.Length == 0 ? (opener.Length == 0 ? '\0' : opener[^1]) : _text.Length == _escapedEnd ? '\\' : _text[^1];

    private int _escapedEnd = -1; // an escaped '*' or '_' is text: it joins no delimiter run

    public bool IsEmpty => _text.Length == 0;

    /// <summary>The delimiter this text sits right after (emphasis's or a link's), if nothing has been written yet.</summary>
    public string? OpenerHere => _text.Length == 0 && _pending is null && Leading.Length == 0 ? opener : null;

    /// <summary>The Markdown written; a line break at the very end is dropped, as Markdown cannot end a paragraph with one.</summary>
    public override string ToString() => _text.Length == _breakEnd ? _text.ToString(0, _text.Length - 2) : _text.ToString();

    private int _breakEnd = -1;

    /// <summary>Text from the DOM, escaped.</summary>
    public void Text(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsHtmlSpace(text[i]))
            {
                var end = i;
                while (end < text.Length && IsHtmlSpace(text[end]))
                {
                    end++;
                }

                Space(text[i..end]);
                i = end - 1;
                continue;
            }

            Flush();
            Escaped(text, i);
        }
    }

    /// <summary>Markdown that is already syntax (delimiters, links, code spans): written as it is.</summary>
    public void Raw(string markdown)
    {
        Flush();
        _text.Append(markdown);
    }

    /// <summary>A hard line break (a backslash at the end of the line); in a heading or a table cell, a space.</summary>
    public void LineBreak()
    {
        if (singleLine)
        {
            Space(" ");
            return;
        }

        if (_text.Length == 0 && startsLine)
        {
            return; // a paragraph cannot open with a break; inside emphasis or a link one can
        }

        // Spaces before the break are kept (Markdig keeps them before a backslash break); a line break is not.
        _pending = _pending == "\n" ? null : _pending;
        Flush();
        _text.Append("\\\n");
        _breakEnd = _text.Length;
        _pending = null;
        _skipToText = true;
    }

    private bool _skipToText; // after a break, the next line's leading white space means nothing

    /// <summary>A run of white space as this text writes it between words: one line break if it holds one.</summary>
    public string Spacing(string run) => singleLine ? run.Replace('\n', ' ').Replace('\r', ' ').Replace('\f', ' ')
        : run.AsSpan().ContainsAny('\n', '\r') ? "\n" : run.Replace('\f', ' ');

    private void Space(string run)
    {
        if (!_started)
        {
            Leading += run;
            return;
        }

        if (_skipToText)
        {
            return;
        }

        var breaks = !singleLine && run.AsSpan().ContainsAny('\n', '\r');
        if (breaks || (_pending is not null && _pending.Contains('\n', StringComparison.Ordinal)))
        {
            _pending = "\n";
        }
        else
        {
            _pending = (_pending ?? string.Empty) + (singleLine ? run.Replace('\n', ' ').Replace('\r', ' ').Replace('\f', ' ') : run);
        }
    }

    private void Flush()
    {
        _started = true;
        _skipToText = false;
        if (_pending is null)
        {
            return;
        }

        if (_pending == "\n")
        {
            TrimEnd();
            _text.Append('\n');
        }
        else if (!AtLineStart)
        {
            _text.Append(_pending);
        }

        _pending = null;
    }

    private void TrimEnd()
    {
        while (_text.Length > 0 && _text[^1] is ' ' or '\t')
        {
            _text.Length--;
        }
    }

    private bool AtLineStart => _text.Length == 0 ? startsLine : _text[^1] == '\n';

    private void Escaped(string text, int i)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        var escape = c switch
        {
            // Always syntax somewhere: emphasis, links, code, raw HTML, autolinks, table cells, escapes.
            '\\' or '*' or '_' or '[' or ']' or '<' or '>' or '`' or '|' => true,

            // Straight double quotes in rendered text were typed escaped (UseTypography curls the rest): keep them straight.
            '"' => true,
            '&' => char.IsAsciiLetterOrDigit(next) || next == '#',

            // The last character before what may be a link: '!' would make it an image.
            '!' => i == text.Length - 1,

            // Typography would make dashes and an ellipsis of these.
            '-' => next == '-' || (i > 0 && text[i - 1] == '-') || AtLineStart,
            '.' => (next == '.' && i + 2 < text.Length && text[i + 2] == '.') || AfterLineNumber(),
            ')' => AfterLineNumber(),

            // Block syntax at the start of a line: headings, list items, setext underlines, fences. A '#' ending a
            // text could close a heading.
            '#' => AtLineStart || i == text.Length - 1,
            '+' or '=' or '~' => AtLineStart,
            _ => false,
        };
        if (escape)
        {
            _text.Append('\\');
        }

        _text.Append(c);
        _escapedEnd = escape ? _text.Length : _escapedEnd;
    }

    // "12." or "12)" opening a line would start an ordered list.
    private bool AfterLineNumber()
    {
        var j = _text.Length;
        while (j > 0 && char.IsAsciiDigit(_text[j - 1]))
        {
            j--;
        }

        return j < _text.Length && _text.Length - j <= 9 && (j == 0 ? startsLine : _text[j - 1] == '\n');
    }

    public static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
