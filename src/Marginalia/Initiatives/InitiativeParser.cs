using System.Globalization;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Glossary;

namespace Marginalia.Initiatives;

/// <summary>Reads and validates one initiative file (a contract: see README, "Initiatives").</summary>
internal static class InitiativeParser
{
    public const int MaxSummaryLength = 300;

    public static readonly IReadOnlyList<string> Fields =
        ["name", "mentions", "kind", "region", "started", "url", "summary", "author", "created", "sources"];

    public static InitiativeFile? Read(SourceText source, string mediaFolder, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (ContributionFile.Open(source, Fields, diagnostics) is not { } file)
        {
            return null;
        }

        var (id, idOk, fields) = (file.Id, file.IdOk, file.Fields);
        var name = fields.RequiredString("name");
        var before = fields.ErrorCount;
        var mentions = ReadMentions(fields);
        var matchable = mentions.Count > 0 && fields.ErrorCount == before && !InvisibleCharacters.AnyIn([.. mentions.Select(m => m.Text)]);
        var kind = fields.OptionalString("kind");
        var region = RegionField.Read(fields);
        var started = ReadYear(fields);
        var url = fields.OptionalHttpUrl("url");
        if (url is not null && url.Scheme != Uri.UriSchemeHttps)
        {
            fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf("url"), $"'url' must be an https:// address, not '{url}'", "official sites are served over https");
        }

        var summary = fields.RequiredString("summary");
        if (summary is not null)
        {
            TermParser.CheckPlainText(fields, "summary", summary, MaxSummaryLength);
        }

        var author = file.ReadAuthor();

        var created = fields.OptionalDate("created");
        var sources = Contributors.ReadSources(fields);
        var body = file.RenderBody(mediaFolder, diagnostics, allowHeadings: true);
        var complete = idOk && !fields.HasErrors && body is not null && name is not null && summary is not null && author is not null && mentions.Count > 0;
        if (!complete && !matchable)
        {
            return null; // every problem is reported; with no mention to look for, nothing is left to check against the essay
        }

        // A rejected initiative still has its mentions looked for and claimed, so every problem is reported in one round; never published.
        var initiative = new Initiative(id, source.DisplayPath, name ?? id, [.. mentions.Select(m => m.Text)], kind, region, started, url, summary ?? string.Empty,
            author ?? string.Empty, created, sources, body?.Html ?? string.Empty);
        return new InitiativeFile(initiative, [.. mentions.Select(m => m.At)], body?.Xrefs ?? [], body?.Media ?? []) { Rejected = !complete };
    }

    private static List<(string Text, SourceLocation At)> ReadMentions(FieldParser fields)
    {
        const string NotAList = "'mentions' must be a non-empty list of phrases from the essay";
        var mentions = fields.OptionalPhraseList("mentions", "each mention must be a phrase copied from the essay", NotAList);
        if (mentions is null)
        {
            fields.Error(DiagnosticCodes.MissingField, fields.LocationOf("mentions"), "required field 'mentions' is missing",
                "list the phrases the essay uses for it, copied from the essay: mentions: [\"India’s Bhashini project\"]");
            return [];
        }

        if (fields.OptionalNode("mentions") is YamlDotNet.RepresentationModel.YamlSequenceNode { Children.Count: 0 })
        {
            fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf("mentions"), NotAList);
        }

        return mentions;
    }

    private static int? ReadYear(FieldParser fields)
    {
        var text = fields.OptionalString("started");
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1800 and <= 2100)
        {
            return year;
        }

        fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf("started"), $"'started' must be a year such as 2022, not '{text}'");
        return null;
    }
}
