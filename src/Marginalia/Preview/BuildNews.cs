using System.Text;
using System.Text.Json;

namespace Marginalia.Preview;

/// <summary>
/// What the browsers hear after a build, as the <c>built</c> event's JSON: the build's version and the one before it
/// (a page from neither missed a build, so cannot trust <paramref name="Changed"/> and compares itself with the new
/// page), whether it failed (every page is then the error page), and which output files it changed, or null when that
/// is unknown.
/// </summary>
internal sealed record BuildNews(string Version, string Previous, bool Failed, IReadOnlyList<string>? Changed)
{
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("previous", Previous);
            json.WriteBoolean("failed", Failed);
            if (Changed is null)
            {
                json.WriteNull("changed");
            }
            else
            {
                json.WriteStartArray("changed");
                foreach (var path in Changed)
                {
                    json.WriteStringValue(path);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
