using Marginalia.Diagnostics;

namespace Marginalia.Content;

/// <summary>Reads and validates the essay's front matter.</summary>
internal static class EssayInfoParser
{
    public static EssayInfo? Read(FrontMatter frontMatter, DiagnosticBag diagnostics)
    {
        var fields = FieldParser.For(frontMatter, diagnostics);
        fields.RejectUnknown([.. EssayInfo.Fields]);
        var title = fields.RequiredString("title");
        var editorial = fields.OptionalBool("title-is-editorial") ?? false;
        var author = fields.RequiredString("author");
        var publisher = fields.OptionalString("publisher");
        var republishedBy = fields.OptionalString("republished-by");
        var language = fields.RequiredString("language");
        var published = fields.OptionalDate("published");
        var corrections = ReadCorrections(fields);

        if (language is not null && !IsLanguageTag(language))
        {
            fields.Error(DiagnosticCodes.InvalidValue, fields.LocationOf("language"),
                $"'language' must be a BCP 47 language tag such as 'en' or 'en-GB', not '{language}'");
        }

        return fields.HasErrors || title is null || author is null || language is null
            ? null
            : new EssayInfo(title, editorial, author, publisher, republishedBy, language, published) { Corrections = corrections.Length == 0 ? [] : corrections };
    }

    /// <summary>The <c>corrections</c> list: items of <c>date</c> and <c>change</c>, kept in date order.</summary>
    private static EssayCorrection[] ReadCorrections(FieldParser fields)
    {
        var corrections = new List<EssayCorrection>();
        foreach (var item in fields.OptionalMappingList("corrections") ?? [])
        {
            item.RejectUnknown(["date", "change"]);
            var date = item.OptionalDate("date");
            var change = item.RequiredString("change");
            if (date is null && !item.HasErrors)
            {
                item.Error(DiagnosticCodes.MissingField, item.LocationOf("date"), "each correction needs 'date', written YYYY-MM-DD");
            }

            if (date is { } d && change is not null)
            {
                corrections.Add(new EssayCorrection(d, change));
            }
        }

        return [.. corrections.OrderBy(c => c.Date)]; // stable: same-day corrections keep the editors' order
    }

    /// <summary>A well-formed BCP 47 tag: a 2–3 letter language, then subtags of 1–8 letters or digits.</summary>
    public static bool IsLanguageTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var parts = tag.Split('-');
        return parts[0].Length is 2 or 3 && parts[0].All(char.IsAsciiLetter)
            && parts.Skip(1).All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }
}
