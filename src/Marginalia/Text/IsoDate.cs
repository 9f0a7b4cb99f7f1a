namespace Marginalia.Text;

/// <summary>
/// Reads a calendar date written YYYY-MM-DD, exactly as <c>DateOnly.TryParseExact(s, "yyyy-MM-dd", Invariant)</c>
/// does. Written by hand because the framework's exact parse builds a culture-aware string comparer on first use:
/// in a native build of <c>input/</c> that was a tenth of all the instructions the build ran, for a hundred dates.
/// </summary>
internal static class IsoDate
{
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (text is not { Length: 10 } || text[4] != '-' || text[7] != '-'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = value * 10 + (text[i] - '0');
        }

        return true;
    }
}
