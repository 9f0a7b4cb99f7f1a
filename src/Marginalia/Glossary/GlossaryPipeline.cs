using Marginalia.Contributions;

namespace Marginalia.Glossary;

/// <summary>Reads and validates every term in <c>input/glossary/</c>, then checks no two files claim one phrase.</summary>
internal sealed class GlossaryPipeline : ContributionsPipeline<TermFile>
{
    public const string PipelineName = "Glossary";

    public const string Folder = "glossary";

    public GlossaryPipeline()
        : base(PipelineName, Folder, GlossaryKeys.TermFile, TermParser.Read)
    {
        ProcessModules.Add(new UniquePhrasesModule<TermFile>(GlossaryKeys.TermFile,
            file => file.Term.Forms.Select((form, i) => (form, file.Term.CaseSensitive, file.Term.SourcePath, file.FormAt[i])),
            file => file.Rejected,
            file => file with { Rejected = true }));
    }
}
