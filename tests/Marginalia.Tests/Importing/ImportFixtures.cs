using System.Text;
using Marginalia.Importing;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Importing;

/// <summary>Reads the committed import fixtures (Fixtures/Import) and inline JSON the way the import command will.</summary>
internal static class ImportFixtures
{
    public static ImportDocumentResult Read(string name) =>
        ImportDocument.Read("import/" + name, File.ReadAllBytes(RepoPaths.Fixture("Import", name)));

    /// <summary>The JSON pointer a problem's message names, "(JSON pointer /a/b)"; null when it names none.</summary>
    public static string? PointerIn(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Matches(message, @"\(JSON pointer (?<pointer>/[^ )]*)\)").LastOrDefault();
        return match?.Groups["pointer"].Value;
    }

    public static ImportDocumentResult ReadJson(string json, string path = "in.json") =>
        ImportDocument.Read(path, Encoding.UTF8.GetBytes(json));
}
