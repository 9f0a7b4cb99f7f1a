using System.Collections.Immutable;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using Marginalia.Content;
using Marginalia.Markup;

namespace Marginalia.Editions.SingleFile;

/// <summary>
/// The reader page made self-contained, read from its tokens once and never held as a DOM: the reading finds what
/// goes (site-only elements, the scripts that move), what the edition weighs, its anchors and the tokens the edition
/// writes otherwise (<see cref="Mark"/>); the writing copies the page's source between those, leaving out what goes
/// and writing anew only the tags it changes. Reading the page's tokens twice was two thirds of the edition's time.
/// </summary>
internal sealed class SingleFilePage
{
    private readonly string _html;
    private readonly IReadOnlyDictionary<string, ReadOnlyMemory<byte>> _files;
    private readonly Uri _baseUrl;

    /// <summary>What the edition leaves out, as ranges of the page's source (start, end).</summary>
    private readonly List<(int Start, int End)> _dropped = [];

    /// <summary>The tokens the edition does not copy as they are, in page order.</summary>
    private readonly List<Mark> _marks = [];

    /// <summary>The scripts that move to the end of the body, in the order they run: the page's, then the tools', then the search's.</summary>
    private readonly List<string> _scripts = [];

    /// <summary>The search's data, as (part, JSON), which goes in as the text of template elements.</summary>
    private readonly List<(string Part, string Json)> _searchData = [];

    private readonly List<string> _styles = [];
    private readonly SortedDictionary<string, int> _images = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly List<string> _links = [];
    private int _imagesShown;
    private int? _searchForm;

    /// <summary>Where the start tag of the script being moved begins, until its end tag.</summary>
    private int? _scriptStart;

    /// <summary>What the writing does with a token it does not copy.</summary>
    private enum MarkKind
    {
        /// <summary>Left out: the doctype (the edition writes its own), white space around the root element.</summary>
        Skip,

        /// <summary>A start tag that may be written anew (<see cref="SingleFilePage.Changes"/> decides once the reading is done).</summary>
        Tag,

        /// <summary>A stylesheet's link, which becomes a &lt;style&gt; element.</summary>
        Stylesheet,

        /// <summary>&lt;/body&gt;: the moved scripts and the search data go before it.</summary>
        BodyEnd,

        /// <summary>&lt;/html&gt;: the same, if the body had no end tag.</summary>
        HtmlEnd,

        /// <summary>The end of the page.</summary>
        End,
    }

    /// <summary>A token the writing does not copy: its place in the source, its index and, for a tag, the tag.</summary>
    private readonly record struct Mark(MarkKind Kind, int Start, int End, int Index, HtmlTagToken? Tag = null);

    public SingleFilePage(string html, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files, Uri baseUrl)
    {
        _html = html;
        _files = files;
        _baseUrl = baseUrl;
        Plan();
    }

    public HtmlAnchors Anchors => new(_ids, _links);

    /// <summary>The edition's size (UTF-16 length of the page as a close bound of its bytes, plus what it inlines) and its images.</summary>
    public SingleFileMeasure Measure()
    {
        var bytes = (long)_html.Length + _searchData.Sum(d => (long)d.Json.Length)
            + _styles.Concat(_scripts).Sum(path => (long)(_files.TryGetValue(path, out var text) ? text.Length : 0));
        var byImage = _images.Select(i => new InlinedImage(i.Key, i.Value, DataUrlLength(i.Key, _files[i.Key].Length))).ToImmutableArray();
        return new SingleFileMeasure(bytes + byImage.Sum(i => i.TotalBytes), _imagesShown, byImage);
    }

    /// <summary>The first pass.</summary>
    private void Plan()
    {
        var tools = new List<string>();
        var search = new List<string>();
        Effects kept = new(this, immediate: true), pending = new(this, immediate: false);
        (int Start, int End, string Name, int Depth)? dropping = null;
        var index = -1;
        var started = false;
        var ended = false;
        foreach (var span in HtmlTokens.Of(_html, withText: false))
        {
            index++;
            Note(span, index, ref started, ref ended);
            if (dropping is { } open)
            {
                // Inside a site-only element, up to its end tag; its effects wait until it is known to end.
                if (span.Token.Type is HtmlTokenType.EndTag && span.Token.Name is "body" or "html" || span.Token.Type is HtmlTokenType.EndOfFile)
                {
                    // No end tag before the body's: only its start tag goes, and what it holds stays.
                    _dropped.Add((open.Start, open.End));
                    pending.MoveTo(kept);
                    dropping = null;
                }
                else
                {
                    if (span.Token.Name == open.Name && span.Token.Type is HtmlTokenType.StartTag or HtmlTokenType.EndTag && span.Tag is { IsSelfClosing: false } inner)
                    {
                        var depth = open.Depth + (inner.Type == HtmlTokenType.StartTag ? 1 : -1);
                        if (depth == 0)
                        {
                            _dropped.Add((open.Start, span.End));
                            pending.Clear();
                            dropping = null;
                            continue;
                        }

                        dropping = open with { Depth = depth };
                    }

                    pending.See(span, index, tools, search);
                    continue;
                }
            }

            if (span.Token.Type == HtmlTokenType.StartTag && span.Tag is { } tag && IsSiteOnly(tag))
            {
                if (HtmlTokens.Void.Contains(tag.Name) || tag.IsSelfClosing)
                {
                    _dropped.Add((span.Start, span.End));
                }
                else
                {
                    dropping = (span.Start, span.End, tag.Name, 1);
                }

                continue;
            }

            kept.See(span, index, tools, search);
        }

        if (dropping is { } unclosed)
        {
            _dropped.Add((unclosed.Start, unclosed.End));
            pending.MoveTo(kept);
        }

        _scripts.AddRange(tools);
        _scripts.AddRange(search);
    }

    /// <summary>Marks a token the writing does not copy as it is (whether it is left out with a site-only element or not).</summary>
    private void Note(HtmlTokenSpan span, int index, ref bool started, ref bool ended)
    {
        var kind = span.Token.Type switch
        {
            HtmlTokenType.Doctype => MarkKind.Skip,
            HtmlTokenType.Character when (!started || ended) && _html.AsSpan(span.Start, span.End - span.Start).IsWhiteSpace() => MarkKind.Skip,
            HtmlTokenType.EndTag when span.Token.Name == "body" => MarkKind.BodyEnd,
            HtmlTokenType.EndTag when span.Token.Name == "html" => MarkKind.HtmlEnd,
            HtmlTokenType.EndOfFile => MarkKind.End,
            HtmlTokenType.StartTag when span.Tag is { } tag && IsStylesheet(tag) && Attribute(tag, "href") is { Length: > 0 } => MarkKind.Stylesheet,
            HtmlTokenType.StartTag when span.Tag is { } tag && MayChange(tag) => MarkKind.Tag,
            _ => (MarkKind?)null,
        };
        started |= span.Token.Type == HtmlTokenType.StartTag;
        ended |= kind == MarkKind.HtmlEnd;
        if (kind is { } marked)
        {
            _marks.Add(new Mark(marked, span.Start, span.End, index, marked is MarkKind.Tag or MarkKind.Stylesheet ? span.Tag : null));
        }
    }

    /// <summary>
    /// What the elements seen do to the edition: at once for elements kept, gathered for those inside a site-only
    /// element, so that they go with it, or count after all when it turns out to have no end tag.
    /// </summary>
    private sealed class Effects(SingleFilePage page, bool immediate)
    {
        private readonly List<Action> _actions = [];

        private void Add(Action action)
        {
            if (immediate)
            {
                action();
            }
            else
            {
                _actions.Add(action);
            }
        }

        public void See(HtmlTokenSpan span, int index, List<string> tools, List<string> search)
        {
            // Applied at once without a delegate (the reader page has tens of thousands of tags, and a closure each
            // was 11 MB of a 1× build); only what waits on a site-only element is kept as one.
            if (immediate)
            {
                Apply(page, span, index, tools, search);
            }
            else
            {
                Defer(span, index, tools, search);
            }
        }

        private void Defer(HtmlTokenSpan span, int index, List<string> tools, List<string> search) =>
            _actions.Add(() => Apply(page, span, index, tools, search));

        private static void Apply(SingleFilePage page, HtmlTokenSpan span, int index, List<string> tools, List<string> search)
        {
            if (span.Token.Type != HtmlTokenType.StartTag || span.Tag is not { } tag)
            {
                if (span.Token.Type == HtmlTokenType.EndTag && span.Token.Name == "script")
                {
                    page.EndScript(span.End);
                }

                return;
            }

            page.Kept(tag, span.Start, index, tools, search);
        }

        public void MoveTo(Effects other)
        {
            foreach (var action in _actions)
            {
                other.Add(action);
            }

            _actions.Clear();
        }

        public void Clear() => _actions.Clear();
    }

    private void EndScript(int end)
    {
        if (_scriptStart is { } start)
        {
            _dropped.Add((start, end));
            _scriptStart = null;
        }
    }

    /// <summary>A start tag the edition keeps (or replaces): what it adds to the edition, and its anchors.</summary>
    private void Kept(HtmlTagToken tag, int start, int index, List<string> tools, List<string> search)
    {
        switch (tag.Name)
        {
            case "link" when IsStylesheet(tag) && Attribute(tag, "href") is { Length: > 0 } href:
                _styles.Add(href);
                return; // becomes a <style>, with no id and no link
            case "script" when Attribute(tag, "src") is { Length: > 0 } src:
                _scripts.Add(src);
                _scriptStart = start;
                return; // moves to the end, inline
        }

        if (Attribute(tag, "data-tools") is { Length: > 0 } toolsSrc)
        {
            tools.Add(toolsSrc);
        }

        if (tag.Name == "form" && _searchForm is null && Attribute(tag, "data-search") is { } searchSrc)
        {
            _searchForm = index;
            search.AddRange(searchSrc.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            foreach (var src in (Attribute(tag, "data-search-data") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                _searchData.Add(SearchData(Text(src)));
            }
        }

        if (ImagePath(tag) is { } image)
        {
            _images[image] = _images.GetValueOrDefault(image) + 1;
            _imagesShown += tag.Name == "img" ? 1 : 0;
        }

        if (Attribute(tag, "id") is { } id)
        {
            _ids.Add(id);
        }

        // The link as written: an inlined image's is a data: address and a link to another page is absolute, both
        // outside the link check, as are links that lead elsewhere already.
        if (HtmlAnchors.LinkAttribute(tag.Name) is { } attribute && Attribute(tag, attribute) is { } link && ImagePath(tag) is null
            && !(attribute == AbsoluteAttribute(tag.Name) && MadeAbsolute(link)) && !HtmlAnchors.IsExternal(link))
        {
            _links.Add(link);
        }
    }

    /// <summary>The edition, written to <paramref name="output"/>: the page's source between the marks, less what goes.</summary>
    public void WriteTo(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var base64 = new Dictionary<string, string>(StringComparer.Ordinal);
        var dropped = Disjoint(_dropped);
        var next = 0;
        var at = 0;
        var closed = false;
        output.Write("<!DOCTYPE html>\n");
        foreach (var mark in _marks)
        {
            // The source up to the mark, less the ranges that go.
            while (at < mark.Start)
            {
                while (next < dropped.Count && dropped[next].End <= at)
                {
                    next++;
                }

                if (next < dropped.Count && dropped[next].Start <= at)
                {
                    at = dropped[next].End;
                    continue;
                }

                var until = next < dropped.Count ? Math.Min(dropped[next].Start, mark.Start) : mark.Start;
                output.Write(_html.AsSpan(at, until - at));
                at = until;
            }

            // A mark inside a range that goes, goes with it.
            while (next < dropped.Count && dropped[next].End <= mark.Start)
            {
                next++;
            }

            if (at > mark.Start || (next < dropped.Count && dropped[next].Start <= mark.Start && mark.Start < dropped[next].End))
            {
                continue;
            }

            switch (mark.Kind)
            {
                case MarkKind.Skip:
                    break;
                case MarkKind.BodyEnd:
                case MarkKind.HtmlEnd:
                    if (!closed)
                    {
                        EndOfBody(output);
                        closed = true;
                    }

                    output.Write(_html.AsSpan(mark.Start, mark.End - mark.Start));
                    break;
                case MarkKind.End:
                    if (!closed)
                    {
                        EndOfBody(output);
                    }

                    output.Write('\n');
                    return;
                case MarkKind.Stylesheet:
                    output.Write("<style>");
                    output.Write(Text(Attribute(mark.Tag!, "href")!).Replace("</style", "<\\/style", StringComparison.OrdinalIgnoreCase));
                    output.Write("</style>");
                    break;
                case MarkKind.Tag when Changes(mark.Tag!, mark.Index):
                    WriteTag(output, mark.Tag!, mark.Index, base64);
                    break;
                default:
                    output.Write(_html.AsSpan(mark.Start, mark.End - mark.Start));
                    break;
            }

            at = mark.End;
        }
    }

    /// <summary>The ranges that go, sorted and merged where they overlap or touch.</summary>
    private static List<(int Start, int End)> Disjoint(List<(int Start, int End)> ranges)
    {
        var merged = new List<(int Start, int End)>(ranges.Count);
        foreach (var range in ranges.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    private void EndOfBody(TextWriter output)
    {
        foreach (var (part, json) in _searchData)
        {
            output.Write("<template data-search-part=\"");
            output.Write(Theme.HtmlTextEncoder.Instance.Encode(part));
            output.Write("\">");
            output.Write(HtmlMarkupFormatter.EscapeText(json));
            output.Write("</template>");
        }

        foreach (var src in _scripts)
        {
            output.Write("<script>");
            output.Write(Text(src).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase));
            output.Write("</script>");
        }
    }

    /// <summary>Whether <see cref="Changes"/> may write this tag anew, known from the tag alone: the search's form is known only once the page is read.</summary>
    private bool MayChange(HtmlTagToken tag) => Rewritten(tag) || (tag.Name == "form" && Attribute(tag, "data-search") is not null);

    /// <summary>Whether the edition writes this start tag anew rather than as it is.</summary>
    private bool Changes(HtmlTagToken tag, int index) => Rewritten(tag) || index == _searchForm;

    /// <summary>A tag whose attributes the edition changes whatever else the page holds: an image shown, the tools, a link made absolute.</summary>
    private bool Rewritten(HtmlTagToken tag) =>
        ImagePath(tag) is not null
        || Attribute(tag, "data-tools") is not null
        || (AbsoluteAttribute(tag.Name) is { } attribute && Attribute(tag, attribute) is { } link && MadeAbsolute(link));

    /// <summary>Whether a link (not within the page) is one the edition writes as an address on the live site.</summary>
    private bool MadeAbsolute(string link) => !link.StartsWith('#') && Uri.TryCreate(_baseUrl, link, out _);

    private void WriteTag(TextWriter output, HtmlTagToken tag, int index, Dictionary<string, string> base64)
    {
        var image = ImagePath(tag);
        HtmlTags.WriteStartTag(output, tag, Attributes(tag, index), (writer, name, value) =>
        {
            if (image is null || name != (tag.Name == "img" ? "src" : "href"))
            {
                Theme.HtmlTextEncoder.Instance.Encode(writer, value);
                return;
            }

            if (!base64.TryGetValue(image, out var encoded))
            {
                base64[image] = encoded = Convert.ToBase64String(_files[image].Span);
            }

            writer.Write("data:");
            writer.Write(SingleFileEdition.MediaType(image));
            writer.Write(";base64,");
            writer.Write(encoded);
        });
    }

    /// <summary>A kept tag's attributes as the edition writes them: links made absolute, the attributes only the site reads left out.</summary>
    private IEnumerable<(string Name, string Value)> Attributes(HtmlTagToken tag, int index)
    {
        var image = ImagePath(tag);
        var absolute = AbsoluteAttribute(tag.Name);
        foreach (var attribute in tag.Attributes)
        {
            var (name, value) = (attribute.Name, attribute.Value);
            if (name == "data-tools" || (index == _searchForm && name == "data-search-data"))
            {
                continue;
            }

            if (image is not null && name == (tag.Name == "img" ? "src" : "href"))
            {
                yield return (name, "data:"); // written in full by WriteTag; a data: address is never a link of the site's
                continue;
            }

            if (name == absolute && !value.StartsWith('#') && Uri.TryCreate(_baseUrl, value, out var uri))
            {
                value = uri.AbsoluteUri;
            }

            yield return (name, value);
        }
    }

    /// <summary>An attribute's value, or null when the tag has none of that name (the token's own GetAttribute gives "").</summary>
    private static string? Attribute(HtmlTagToken tag, string name)
    {
        foreach (var attribute in tag.Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>The site file an icon or image shows, when the site has it (it is inlined).</summary>
    private string? ImagePath(HtmlTagToken tag) =>
        (tag.Name == "img" ? Attribute(tag, "src") : tag.Name == "link" && HasRel(tag, "icon") ? Attribute(tag, "href") : null) is { } path && _files.ContainsKey(path)
            ? path
            : null;

    /// <summary>The attribute that leads to another page, made absolute on the live site.</summary>
    private static string? AbsoluteAttribute(string element) => element switch
    {
        "a" or "link" => "href",
        "form" => "action",
        _ => null,
    };

    private static bool IsSiteOnly(HtmlTagToken tag) =>
        Attribute(tag, MarkupNames.DataSiteOnly) is not null || (tag.Name == "link" && HasRel(tag, "manifest"));

    private static bool IsStylesheet(HtmlTagToken tag) => HasRel(tag, "stylesheet");

    /// <summary>Whether a link's rel holds the word (rel is a list of words, as CSS's [rel~=…] reads it).</summary>
    private static bool HasRel(HtmlTagToken tag, string word) =>
        tag.Name == "link" && (Attribute(tag, "rel") ?? string.Empty).Split((char[])[' ', '\t', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries).Contains(word, StringComparer.OrdinalIgnoreCase);

    /// <summary>The part and the JSON of a search data script: <c>Marginalia.searchLoaded("text",{…});</c>.</summary>
    private static (string Part, string Json) SearchData(string script)
    {
        const string call = "Marginalia.searchLoaded(\"";
        var quote = script.IndexOf('"', call.Length);
        if (!script.StartsWith(call, StringComparison.Ordinal) || quote < 0 || !script.EndsWith(");\n", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("a search data script is not in the form SearchIndexWriter writes");
        }

        return (script[call.Length..quote], script[(quote + 2)..^3]);
    }

    private string Text(string path) =>
        _files.TryGetValue(path, out var bytes)
            ? System.Text.Encoding.UTF8.GetString(bytes.Span)
            : throw new InvalidOperationException($"the reader page uses {path}, which the site does not have");

    private static long DataUrlLength(string path, long length) =>
        "data:".Length + SingleFileEdition.MediaType(path).Length + ";base64,".Length + ((length + 2) / 3 * 4);
}
