using System.Collections.Concurrent;
using Marginalia.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Marginalia.Tests.Annotations.Export;

/// <summary>
/// The W3C Web Annotation Working Group's conformance schemas and samples (repository w3c/web-annotation-tests), read
/// in place: they are test data under the W3C test-suite licence, never copied into this tree. The folder is the
/// environment variable <see cref="Setting"/> when set, else <see cref="DefaultFolder"/>, the <c>shared</c> folder
/// beside the repository that this project's own machines have; the GitHub workflow fetches the suite at a pinned
/// commit and sets the variable.
/// </summary>
public static class ConformanceSuite
{
    public const string AnnotationMusts = "annotations/annotationMusts.test";
    public const string AnnotationOptionals = "annotations/annotationOptionals.test";
    public const string AgentOptionals = "annotations/annotationsAgentOptionals.test";
    public const string CollectionMusts = "collections/collectionMusts.test";
    public const string PageMusts = "collections/pages/pageMusts.test";

    private static readonly ConcurrentDictionary<string, Lazy<Task<SchemaList>>> Loaded = new();

    /// <summary>The environment variable that names the suite's folder.</summary>
    public const string Setting = "MARGINALIA_CONFORMANCE_SUITE";

    /// <summary>Where the suite is when <see cref="Setting"/> is not set, relative to the repository.</summary>
    public static readonly string DefaultFolder = Path.Combine("..", "shared", "conformance", "w3c-web-annotation");

    public static string Folder { get; } = Locate(Environment.GetEnvironmentVariable(Setting), RepoPaths.Root);

    /// <summary>
    /// The suite's folder: the setting when it is given (a relative one is taken from the repository, as the default
    /// is), else the default. Blank counts as not given, so an empty variable in a workflow does not point at the
    /// repository itself.
    /// </summary>
    public static string Locate(string? setting, string repositoryRoot) =>
        Path.GetFullPath(Path.Combine(repositoryRoot, string.IsNullOrWhiteSpace(setting) ? DefaultFolder : setting.Trim()));

    public static bool IsAvailable => File.Exists(Path.Combine(Folder, AnnotationMusts));

    /// <summary>
    /// Skips the calling test when the suite is missing on a developer's machine, and fails it in CI, where a missing
    /// folder would otherwise turn the conformance check into a silent pass.
    /// </summary>
    public static void RequireOrSkip()
    {
        if (IsAvailable)
        {
            return;
        }

        var message = $"the W3C Web Annotation conformance suite is not at {Folder}: set {Setting} to a checkout of " +
            "https://github.com/w3c/web-annotation-tests (the commit .github/workflows/site.yml pins), or put it at " + DefaultFolder;
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(message + "; CI requires it");
        }

        Skip.If(true, message);
    }

    /// <summary>Every schema a <c>.test</c> file lists, loaded once per test run.</summary>
    public static Task<SchemaList> LoadAsync(string testFile) =>
        Loaded.GetOrAdd(testFile, file => new Lazy<Task<SchemaList>>(() => LoadUncachedAsync(file))).Value;

    /// <summary>A sample annotation of the suite (<paramref name="folder"/> is <c>correct</c> or <c>incorrect</c>), parsed.</summary>
    public static JToken ReadSample(string folder, string name) =>
        Parse(File.ReadAllText(Path.Combine(Folder, "tools", "samples", folder, name)));

    public static IReadOnlyList<string> Samples(string folder) =>
        [.. Directory.GetFiles(Path.Combine(Folder, "tools", "samples", folder), "*.json").Order(StringComparer.Ordinal)];

    /// <summary>
    /// Parses JSON as the suite's own tooling does: trailing commas are accepted (most "incorrect" samples have one,
    /// and a strict parser would reject them before any schema could say what is wrong with them), and date-like
    /// strings stay strings so that <c>format: date-time</c> sees the text as written.
    /// </summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        var token = JToken.ReadFrom(reader);
        if (reader.Read())
        {
            throw new JsonReaderException("text after the JSON value");
        }

        return token;
    }

    private static async Task<SchemaList> LoadUncachedAsync(string testFile)
    {
        var test = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, testFile)));
        var definitions = Path.Combine(Folder, "definitions");
        var schemas = new List<(string, JsonSchema)>();
        foreach (var assertion in test["assertions"]!.Values<string>())
        {
            var path = Path.Combine(Folder, assertion!);
            var schema = await JsonSchema.FromJsonAsync(
                await File.ReadAllTextAsync(path),
                path,
                root => new DefinitionsReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()), definitions));
            schemas.Add((assertion!, schema));
        }

        return new SchemaList(testFile, schemas);
    }
}
