using System.Security.Cryptography;
using System.Text;

namespace Marginalia.Editions.Epub;

/// <summary>
/// The book's <c>dc:identifier</c>: a name-based UUID of the site's base URL and the essay's title, so every build
/// of the same edition carries the same identifier (reading systems use it to recognise a book they already hold),
/// and a different site or essay gets another one.
/// </summary>
internal static class BookIdentifier
{
    public static string From(Uri baseUrl, string title)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(title);

        // RFC 9562 version 8 ("custom"), built the way its SHA-256 name-based example does: SHA-1, which version 5
        // uses, is a weak hash the analyzers rightly refuse.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(baseUrl.AbsoluteUri + "\n" + title));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(bytes, bigEndian: true).ToString("D");
    }
}
