using System.Collections.Immutable;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using Marginalia.Content;
using Marginalia.Markup;

namespace Marginalia.Editions.SingleFile;

/// <summary>
/// The reader page made self-contained, read from its tokens in two passes and never held as a DOM: the first finds
/// what goes (site-only elements, the scripts that move), what the edition weighs and its anchors; the second writes
/// the page, copying every token it leaves alone as its source text and writing anew only the tags it changes.
/// </summary>
internal sealed class SingleFilePage
{
    private readonly string _html;
    private readonly IReadOnlyDictionary<string, ReadOnlyMemory<byte>> _files;
    private readonly Uri _baseUrl;

    /// <summary>Token ranges (first, last; by index) the edition leaves out.</summary>
    private readonly List<(int First, int Last)> _dropped = [];

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

    /// <summary>The index of the start tag of the script being moved, until its end tag.</summary>
    private int? _scriptStart;

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
        (int First, string Name, int Depth)? dropping = null;
        var index = -1;
        foreach (var span in HtmlTokens.Of(_html, withText: false))
        {
            index++;
            if (dropping is { } open)
            {
                // Inside a site-only element, up to its end tag; its effects wait until it is known to end.
                if (span.Token.Type is HtmlTokenType.EndTag && span.Token.Name is "body" or "html" || span.Token.Type is HtmlTokenType.EndOfFile)
                {
                    // No end tag before the body's: only its start tag goes, and what it holds stays.
                    _dropped.Add((open.First, open.First));
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
                            _dropped.Add((open.First, index));
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
                    _dropped.Add((index, index));
                }
                else
                {
                    dropping = (index, tag.Name, 1);
                }

                continue;
            }

            kept.See(span, index, tools, search);
        }

        if (dropping is { } unclosed)
        {
            _dropped.Add((unclosed.First, unclosed.First));
            pending.MoveTo(kept);
        }

        _scripts.AddRange(tools);
        _scripts.AddRange(search);
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
            if (span.Token.Type != HtmlTokenType.StartTag || span.Tag is not { } tag)
            {
                if (span.Token.Type == HtmlTokenType.EndTag && span.Token.Name == "script")
                {
                    Add(() => page.EndScript(index));
                }

                return;
            }

            Add(() => page.Kept(tag, index, tools, search));
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

    private void EndScript(int index)
    {
        if (_scriptStart is { } start)
        {
            _dropped.Add((start, index));
            _scriptStart = null;
        }
    }

    /// <summary>A start tag the edition keeps (or replaces): what it adds to the edition, and its anchors.</summary>
    private void Kept(HtmlTagToken tag, int index, List<string> tools, List<string> search)
    {
        switch (tag.Name)
        {
            case "link" when IsStylesheet(tag) && Attribute(tag, "href") is { Length: > 0 } href:
                _styles.Add(href);
                return; // becomes a <style>, with no id and no link
            case "script" when Attribute(tag, "src") is { Length: > 0 } src:
                _scripts.Add(src);
                _scriptStart = index;
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

    /// <summary>The second pass: the edition, written to <paramref name="output"/>.</summary>
    public void WriteTo(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var base64 = new Dictionary<string, string>(StringComparer.Ordinal);
        var dropped = _dropped.OrderBy(d => d.First).ToArray();
        var next = 0;
        var index = -1;
        var started = false;
        var ended = false;
        var closed = false;
        output.Write("<!DOCTYPE html>\n");
        foreach (var span in HtmlTokens.Of(_html, withText: false))
        {
            index++;
            while (next < dropped.Length && dropped[next].Last < index)
            {
                next++;
            }

            if (next < dropped.Length && dropped[next].First <= index)
            {
                continue;
            }

            switch (span.Token.Type)
            {
                case HtmlTokenType.Doctype:
                    continue;
                case HtmlTokenType.Character when (!started || ended) && _html.AsSpan(span.Start, span.End - span.Start).IsWhiteSpace():
                    continue; // what lies around the root element is the serialiser's: "<!DOCTYPE html>\n" before, "\n" after
                case HtmlTokenType.EndTag when span.Token.Name == "body":
                    EndOfBody(output);
                    closed = true;
                    break;
                case HtmlTokenType.EndTag when span.Token.Name == "html":
                    if (!closed)
                    {
                        EndOfBody(output);
                        closed = true;
                    }

                    ended = true;
                    break;
                case HtmlTokenType.EndOfFile:
                    if (!closed)
                    {
                        EndOfBody(output);
                    }

                    output.Write('\n');
                    return;
                case HtmlTokenType.StartTag when span.Tag is { } tag:
                    started = true;
                    if (tag.Name == "link" && IsStylesheet(tag) && Attribute(tag, "href") is { Length: > 0 } href)
                    {
                        output.Write("<style>");
                        output.Write(Text(href).Replace("</style", "<\\/style", StringComparison.OrdinalIgnoreCase));
                        output.Write("</style>");
                        continue;
                    }

                    if (Changes(tag, index))
                    {
                        WriteTag(output, tag, index, base64);
                        continue;
                    }

                    break;
            }

            output.Write(_html.AsSpan(span.Start, span.End - span.Start));
        }
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

    /// <summary>Whether the edition writes this start tag anew rather than as it is.</summary>
    private bool Changes(HtmlTagToken tag, int index) =>
        ImagePath(tag) is not null
        || Attribute(tag, "data-tools") is not null
        || index == _searchForm
        || (AbsoluteAttribute(tag.Name) is { } attribute && Attribute(tag, attribute) is { } link && MadeAbsolute(link));

    /// <summary>Whether a link (not within the page) is one the edition writes as an address on the live site.</summary>
    private bool MadeAbsolute(string link) => !link.StartsWith('#') && Uri.TryCreate(_baseUrl, link, out _);

    private void WriteTag(TextWriter output, HtmlTagToken tag, int index, Dictionary<string, string> base64)
    {
        output.Write('<');
        output.Write(tag.Name);
        var image = ImagePath(tag);
        foreach (var (name, value) in Attributes(tag, index))
        {
            output.Write(' ');
            output.Write(name);
            output.Write("=\"");
            if (image is not null && name == (tag.Name == "img" ? "src" : "href"))
            {
                if (!base64.TryGetValue(image, out var encoded))
                {
                    base64[image] = encoded = Convert.ToBase64String(_files[image].Span);
                }

                output.Write("data:");
                output.Write(SingleFileEdition.MediaType(image));
                output.Write(";base64,");
                output.Write(encoded);
            }
            else
            {
                output.Write(Theme.HtmlTextEncoder.Instance.Encode(value));
            }

            output.Write('"');
        }

        output.Write(tag.IsSelfClosing && !HtmlTokens.Void.Contains(tag.Name) ? " />" : ">");
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
