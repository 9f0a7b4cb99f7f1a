namespace Marginalia.Diagnostics;

/// <summary>Every diagnostic code Marginalia reports, in one place, each with a one-line meaning.</summary>
/// <remarks>
/// Ranges: MG00xx engine and configuration, MG01xx reading files and front matter,
/// MG02xx the essay, MG03xx site settings, MG04xx theme and layouts, MG05xx output and links, MG06xx contributions (notes and their bodies), MG07xx glossary terms and initiative mentions, MG08xx importing annotations.
/// </remarks>
internal static class DiagnosticCodes
{
    public static readonly DiagnosticCode PipelineCycle = new("MG0001", "Pipelines depend on each other in a cycle.");
    public static readonly DiagnosticCode MissingDependency = new("MG0002", "A pipeline depends on a pipeline that does not exist.");
    public static readonly DiagnosticCode UndeclaredDependency = new("MG0003", "A pipeline read the outputs of a pipeline it did not declare as a dependency.");
    public static readonly DiagnosticCode ModuleFailed = new("MG0004", "A module failed unexpectedly (a bug in Marginalia: please report it).");
    public static readonly DiagnosticCode DuplicatePipeline = new("MG0005", "Two pipelines have the same name.");

    public static readonly DiagnosticCode FileMissing = new("MG0101", "A required input file or folder does not exist.");
    public static readonly DiagnosticCode FileUnreadable = new("MG0102", "A file could not be read.");
    public static readonly DiagnosticCode InvalidUtf8 = new("MG0103", "A file is not valid UTF-8.");
    public static readonly DiagnosticCode FrontMatterMissing = new("MG0104", "A file has no front matter (a block between two '---' lines at its start).");
    public static readonly DiagnosticCode FrontMatterUnclosed = new("MG0105", "Front matter opens with '---' but never closes.");
    public static readonly DiagnosticCode YamlSyntax = new("MG0106", "Front matter or settings are not valid YAML.");
    public static readonly DiagnosticCode YamlAnchor = new("MG0107", "YAML anchors, aliases and tags are not allowed.");
    public static readonly DiagnosticCode YamlTooDeep = new("MG0108", "YAML is nested too deeply.");
    public static readonly DiagnosticCode NotAMapping = new("MG0109", "Front matter or settings must be a mapping of field names to values.");
    public static readonly DiagnosticCode UnknownField = new("MG0110", "A field is not one this file accepts.");
    public static readonly DiagnosticCode MissingField = new("MG0111", "A required field is missing or empty.");
    public static readonly DiagnosticCode InvalidValue = new("MG0112", "A field has a value of the wrong type or form.");
    public static readonly DiagnosticCode DuplicateField = new("MG0113", "A field is given twice.");
    public static readonly DiagnosticCode MarkdownError = new("MG0114", "Markdown could not be rendered.");
    public static readonly DiagnosticCode FileTooLarge = new("MG0115", "An input file is larger than the limit (512 KB); it is refused before it is parsed.");
    public static readonly DiagnosticCode NulByte = new("MG0116", "A text file contains a NUL byte.");
    public static readonly DiagnosticCode LinkOutside = new("MG0117", "A symbolic link in the input points outside the input folder.");
    public static readonly DiagnosticCode MediaNotImage = new("MG0118", "A file in input/media/ is not a PNG, JPEG, GIF or WebP image whose name ends as its format does (SVG, HTML and scripts are refused).");
    public static readonly DiagnosticCode MediaUnused = new("MG0119", "A file in input/media/ is shown by no contribution and not by the essay.");
    public static readonly DiagnosticCode MediaTooLarge = new("MG0120", "A media file, or the media folder as a whole, is larger than the limit.");
    public static readonly DiagnosticCode LinkCycle = new("MG0121", "A symbolic link in the input leads back to a folder it is in, or cannot be resolved (links that point at each other).");
    public static readonly DiagnosticCode LinkDuplicate = new("MG0122", "A symbolic link in the input is a second path to a folder that is read already; each folder is read once.");

    public static readonly DiagnosticCode EssayEmpty = new("MG0201", "The essay has no paragraphs.");
    public static readonly DiagnosticCode EssayHeadingLevel = new("MG0202", "The essay's section headings must be level-2 ('## ') headings.");

    public static readonly DiagnosticCode LayoutMissing = new("MG0401", "A layout the site needs is missing from the theme.");
    public static readonly DiagnosticCode LayoutSyntax = new("MG0402", "A layout has a Liquid syntax error.");
    public static readonly DiagnosticCode LayoutRender = new("MG0403", "A layout failed while rendering.");
    public static readonly DiagnosticCode AssetMissing = new("MG0404", "A theme asset the layouts need is missing.");

    public static readonly DiagnosticCode InvalidId = new("MG0601", "A contributed file's name is not a valid id (lowercase letters and digits in words joined by single hyphens).");
    public static readonly DiagnosticCode QuoteNotFound = new("MG0602", "A note's quote is not in the essay.");
    public static readonly DiagnosticCode QuoteAmbiguous = new("MG0603", "A note's quote occurs more than once and no prefix or suffix decides which.");
    public static readonly DiagnosticCode QuoteCrossesBlocks = new("MG0604", "A note's quote runs across two paragraphs or headings.");
    public static readonly DiagnosticCode PrefixSuffixMismatch = new("MG0605", "A note's prefix or suffix matches no occurrence of its quote.");
    public static readonly DiagnosticCode EmptyBody = new("MG0606", "A contributed file has no body text.");
    public static readonly DiagnosticCode RawHtml = new("MG0607", "A contributed body contains raw HTML, which is not allowed.");
    public static readonly DiagnosticCode UnsafeLink = new("MG0608", "A link's address is not https:, http:, mailto: or an xref: to the site.");
    public static readonly DiagnosticCode BadImage = new("MG0609", "An image is not a file under input/media/.");
    public static readonly DiagnosticCode UnknownXref = new("MG0610", "An xref: link names nothing on the site.");
    public static readonly DiagnosticCode QuoteReanchored = new("MG0611", "The essay changed since a note was written and its quote was placed again (a warning; 'check --fix' writes the new quote).");
    public static readonly DiagnosticCode QuoteUnanchored = new("MG0612", "The essay changed since a note was written and its quote could not be placed again (a warning with --allow-unanchored).");
    public static readonly DiagnosticCode PlaceholderLeft = new("MG0613", "A contributed file still holds a placeholder written by 'marginalia new' (an error: it would publish instructions to readers).");
    public static readonly DiagnosticCode InvisibleCharacter = new("MG0614", "A contributed file contains an invisible control character (bidirectional override or isolate, zero-width space, C0 or C1 control).");
    public static readonly DiagnosticCode ReservedId = new("MG0615", "A note's, term's or initiative's id would give an element id the site's pages already use for their own elements.");
    public static readonly DiagnosticCode StrayFile = new("MG0616", "A file in a contributions folder is not read: only '<id>.md' files directly in the folder are.");
    public static readonly DiagnosticCode TooManyImages = new("MG0617", "A contributed body shows more images than the limit.");
    public static readonly DiagnosticCode BodyOverBudget = new("MG0618", "A contributed body is over its budget of characters, lines, table cells or emphasis marks, so it is refused before it is parsed.");
    public static readonly DiagnosticCode BodyTooDeep = new("MG0619", "A contributed body nests block quotes, lists, links, images or emphasis too deeply, so it is refused before it is parsed.");
    public static readonly DiagnosticCode NotXmlCharacter = new("MG0620", "A contributed body holds, or refers to with an entity, a character XML cannot hold (U+FFFE, U+FFFF, U+0000, a surrogate).");
    public static readonly DiagnosticCode BodyHeading = new("MG0621", "A heading in a contributed body is not allowed there (notes and glossary terms) or nests deeper than three levels (initiatives).");
    public static readonly DiagnosticCode ValueTooLong = new("MG0622", "A front matter value is longer than its limit.");
    public static readonly DiagnosticCode TooManyItems = new("MG0623", "A front matter list has more items than its limit.");
    public static readonly DiagnosticCode BareXref = new("MG0624", "An xref: is written as plain text or as an autolink, so readers see the address itself (a warning): it belongs in a link, [text](xref:…).");
    public static readonly DiagnosticCode UnknownRegion = new("MG0625", "An initiative's region is not in the vocabulary of regions (src/Marginalia/Initiatives/Regions.txt).");
    public static readonly DiagnosticCode LayoutUndefined = new("MG0626", "A layout reads a variable or member that its page's model does not have, so it would render as nothing.");
    public static readonly DiagnosticCode LayoutUnknownFilter = new("MG0627", "A layout applies a Liquid filter that does not exist.");
    public static readonly DiagnosticCode QuestionWithoutQuestionMark = new("MG0628", "A discussion question's text does not end with a question mark (a warning).");
    public static readonly DiagnosticCode DuplicateQuestion = new("MG0629", "Two discussion questions ask the same thing (the same text, ignoring case, spacing and quote style).");
    public static readonly DiagnosticCode SourceHygiene = new("MG0630", "A source's address carries tracking parameters or a default port ('check --fix-sources' removes them), or is an AMP copy, a text-only mirror, a feed host or a host that no longer exists (a warning).");

    public static readonly DiagnosticCode DuplicatePhrase = new("MG0701", "Two files claim the same term, alias or mention.");
    public static readonly DiagnosticCode TermUnused = new("MG0702", "A glossary term occurs nowhere in the essay (a warning).");
    public static readonly DiagnosticCode MentionNotFound = new("MG0703", "An initiative's mention is not in the essay.");

    // MG08xx importing annotations (marginalia import: W3C Web Annotation and Hypothesis files)
    public static readonly DiagnosticCode ImportTooLarge = new("MG0801", "An import file is larger than the limit (16 MiB); it is refused before it is parsed.");
    public static readonly DiagnosticCode ImportNotJson = new("MG0802", "An import file is not JSON (a syntax error, or the file ends early).");
    public static readonly DiagnosticCode ImportTooDeep = new("MG0803", "An import file nests arrays and objects deeper than the limit (64); it is refused.");
    public static readonly DiagnosticCode ImportTooMany = new("MG0804", "An import file holds more annotations (20,000) or pages (1,000) than the limit; it is refused.");
    public static readonly DiagnosticCode ImportUnknownFormat = new("MG0805", "An import file is neither a W3C annotation, collection, page or array of annotations, nor a Hypothesis search response or annotation.");
    public static readonly DiagnosticCode ImportWrongType = new("MG0806", "A field of an imported annotation has a value of the wrong type or form; the annotation is read without it.");
    public static readonly DiagnosticCode ImportStringTooLong = new("MG0807", "A string in an import file is longer than the limit (1 MiB characters); the field is read as missing.");
    public static readonly DiagnosticCode ImportPageMissing = new("MG0808", "A page of an annotation collection is given only by its address, not embedded in the file, so its annotations cannot be read.");
    public static readonly DiagnosticCode ImportRowsMissing = new("MG0809", "A Hypothesis search response holds fewer rows than its total (a warning): the rest were not exported.");
    // MG081x: what `marginalia import` decides about each annotation (MG080x are the import file's own problems).
    public static readonly DiagnosticCode ImportOrphan = new("MG0810", "An imported annotation's quote is not in the essay, runs across paragraphs, or repeats with nothing to tell which place it means.");
    public static readonly DiagnosticCode ImportInvalidNote = new("MG0811", "An imported annotation would make a note or question file that fails the checks every contributed file passes.");
    public static readonly DiagnosticCode ImportNoAuthor = new("MG0812", "An imported annotation names no author that is a GitHub handle, and no --author was given.");
    public static readonly DiagnosticCode ImportSkipped = new("MG0813", "An imported annotation is not written, and why: a reply, a page note, no text, hidden, flagged, deleted, or the essay's own footnote (info).");
    public static readonly DiagnosticCode ImportFileExists = new("MG0814", "An imported annotation's note file exists already and is not replaced (a warning): --update replaces the same note.");
    public static readonly DiagnosticCode ImportIgnored = new("MG0815", "Part of an imported annotation the import does not read, such as a RangeSelector or XPath, was left out (info).");

    public static readonly DiagnosticCode BrokenLink = new("MG0501", "An internal link points to a page that is not in the site.");
    public static readonly DiagnosticCode BrokenFragment = new("MG0502", "An internal link points to an #id that is not on its page.");
    public static readonly DiagnosticCode OutputFailed = new("MG0503", "The output folder could not be written.");
    public static readonly DiagnosticCode DuplicateDestination = new("MG0504", "Two documents would be written to the same output path.");
    public static readonly DiagnosticCode EditionTooLarge = new("MG0505", "An edition would be too large: the single-file edition inlines an image each time it is shown.");
    public static readonly DiagnosticCode DuplicateElementId = new("MG0506", "Two elements of one page (HTML page, EPUB document or single-file edition) have the same id.");

    /// <summary>All codes, for listing (<c>marginalia --help</c>, documentation) and for tests that keep them unique.</summary>
    public static IReadOnlyList<DiagnosticCode> All { get; } =
    [
        PipelineCycle, MissingDependency, UndeclaredDependency, ModuleFailed, DuplicatePipeline,
        FileMissing, FileUnreadable, InvalidUtf8, FrontMatterMissing, FrontMatterUnclosed, YamlSyntax, YamlAnchor,
        YamlTooDeep, NotAMapping, UnknownField, MissingField, InvalidValue, DuplicateField, MarkdownError, FileTooLarge, NulByte, LinkOutside,
        MediaNotImage, MediaUnused, MediaTooLarge, LinkCycle, LinkDuplicate,
        EssayEmpty, EssayHeadingLevel,
        LayoutMissing, LayoutSyntax, LayoutRender, AssetMissing,
        InvalidId, QuoteNotFound, QuoteAmbiguous, QuoteCrossesBlocks, PrefixSuffixMismatch, EmptyBody, RawHtml, UnsafeLink, BadImage, UnknownXref,
        QuoteReanchored, QuoteUnanchored, PlaceholderLeft, InvisibleCharacter, ReservedId, StrayFile, TooManyImages,
        BodyOverBudget, BodyTooDeep, NotXmlCharacter, BodyHeading, ValueTooLong, TooManyItems, BareXref, UnknownRegion, LayoutUndefined, LayoutUnknownFilter, QuestionWithoutQuestionMark, DuplicateQuestion, SourceHygiene,
        DuplicatePhrase, TermUnused, MentionNotFound,
        ImportTooLarge, ImportNotJson, ImportTooDeep, ImportTooMany, ImportUnknownFormat, ImportWrongType, ImportStringTooLong,
        ImportPageMissing, ImportRowsMissing,
        ImportOrphan, ImportInvalidNote, ImportNoAuthor, ImportSkipped, ImportFileExists, ImportIgnored,
        BrokenLink, BrokenFragment, OutputFailed, DuplicateDestination, EditionTooLarge, DuplicateElementId,
    ];
}
