// Placeholder for the converter (helper branch h2m); replaced at merge.
namespace Marginalia.Importing;

internal static class HtmlToMarkdown
{
    public static string Convert(string html) => throw new NotImplementedException();
}
