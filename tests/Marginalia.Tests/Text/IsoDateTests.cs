using System.Globalization;
using Marginalia.Text;

namespace Marginalia.Tests.Text;

public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2026-11-27", 2026, 11, 27)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void A_date_written_YYYY_MM_DD_is_read(string text, int year, int month, int day)
    {
        Assert.True(IsoDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-02-29")]
    [InlineData("2100-02-29")]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("2026-04-31")]
    [InlineData("2026-01-00")]
    [InlineData("0000-01-01")]
    [InlineData(" 2026-01-01")]
    [InlineData("2026-01-01 ")]
    [InlineData("2026-1-01")]
    [InlineData("2026/01/01")]
    [InlineData("26-01-2026")]
    [InlineData("2026-01-01T00:00")]
    [InlineData("２０２６-01-01")]
    [InlineData("2026-0a-01")]
    [InlineData("+026-01-01")]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(IsoDate.TryParse(text, out var date));
        Assert.Equal(default, date);
    }

    [Fact]
    public void It_agrees_with_the_frameworks_exact_parse_on_every_day_and_on_near_misses()
    {
        // Every day of four years around a leap day, each written right and with one character changed.
        var disagreements = new List<string>();
        for (var day = new DateOnly(2023, 1, 1); day <= new DateOnly(2026, 12, 31); day = day.AddDays(1))
        {
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var candidate in Variants(text))
            {
                var expected = DateOnly.TryParseExact(candidate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var framework);
                var actual = IsoDate.TryParse(candidate, out var ours);
                if (expected != actual || framework != ours)
                {
                    disagreements.Add(candidate);
                }
            }
        }

        Assert.Empty(disagreements);
    }

    private static IEnumerable<string> Variants(string text)
    {
        yield return text;
        yield return text[..8] + "29";
        yield return text[..8] + "30";
        yield return text[..8] + "31";
        yield return text[..5] + "00" + text[7..];
        yield return text[..5] + "13" + text[7..];
        for (var i = 0; i < text.Length; i++)
        {
            yield return text[..i] + 'x' + text[(i + 1)..];
        }
    }
}
