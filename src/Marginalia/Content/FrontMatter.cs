using YamlDotNet.RepresentationModel;

namespace Marginalia.Content;

/// <summary>A Markdown file split into its YAML fields and its body, with the file line the body starts on.</summary>
internal sealed record FrontMatter(SourceText Source, YamlMappingNode Fields, string Body, int BodyLine);
