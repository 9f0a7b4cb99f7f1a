using System.Globalization;
using System.Text;

namespace Marginalia.Text;

/// <summary>Writes YAML scalars the safe way: every string double-quoted, so <c>: </c>, <c>#</c> or a leading quote never change its meaning.</summary>
internal static class YamlText
{
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var ch in value)
        {
            _ = ch switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                _ when char.IsControl(ch) => quoted.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture)),
                _ => quoted.Append(ch),
            };
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>A flow list of double-quoted strings: <c>["a", "b"]</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
