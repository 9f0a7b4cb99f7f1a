using Marginalia.Diagnostics;

namespace Marginalia.Content;

/// <summary>Reads and validates <c>site.yml</c>.</summary>
internal static class SiteSettingsParser
{
    private static readonly Dictionary<string, MarkMode> Modes = new(StringComparer.Ordinal)
    {
        ["first-per-section"] = MarkMode.FirstPerSection,
        ["first"] = MarkMode.First,
        ["all"] = MarkMode.All,
    };

    public static SiteSettings? Read(SourceText source, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        var mapping = SafeYaml.LoadMapping(source.Text, source.DisplayPath, firstLine: 1, diagnostics);
        if (mapping is null)
        {
            return null;
        }

        var fields = new FieldParser(mapping, source.DisplayPath, 1, diagnostics);
        fields.RejectUnknown([.. SiteSettings.Fields]);
        var title = fields.RequiredString("title");
        var description = fields.RequiredString("description");
        var baseUrl = fields.OptionalHttpUrl("base-url", required: true);
        if (baseUrl is not null && !baseUrl.OriginalString.EndsWith('/'))
        {
            fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf("base-url"), "'base-url' must end with '/'", $"write '{baseUrl}/'");
        }

        var repository = fields.OptionalHttpUrl("repository");
        var branch = fields.OptionalString("branch") ?? "main";
        var glossaryMark = ReadMode(fields.OptionalMapping("glossary"), "mark", "glossary.mark");
        var initiativesLink = ReadMode(fields.OptionalMapping("initiatives"), "link", "initiatives.link");

        return fields.HasErrors || title is null || description is null || baseUrl is null
            ? null
            : new SiteSettings(title, description, baseUrl, repository, branch, glossaryMark, initiativesLink);
    }

    private static MarkMode ReadMode(FieldParser? section, string key, string fullName)
    {
        if (section is null)
        {
            return MarkMode.FirstPerSection;
        }

        section.RejectUnknown([key]);
        var value = section.OptionalString(key);
        if (value is null)
        {
            return MarkMode.FirstPerSection;
        }

        if (Modes.TryGetValue(value, out var mode))
        {
            return mode;
        }

        section.Error(DiagnosticCodes.InvalidValue, section.LocationOf(key), $"'{fullName}' must be one of {string.Join(", ", Modes.Keys)}, not '{value}'",
            Suggestions.DidYouMean(value, Modes.Keys));
        return MarkMode.FirstPerSection;
    }
}
