using Marginalia.Contributions;

namespace Marginalia.Questions;

/// <summary>Reads and validates every discussion question in <c>input/questions/</c>, one file each, in parallel.</summary>
internal sealed class QuestionsPipeline : ContributionsPipeline<QuestionFile>
{
    public const string PipelineName = "Questions";

    public const string Folder = "questions";

    public QuestionsPipeline()
        : base(PipelineName, Folder, QuestionKeys.QuestionFile, QuestionParser.Read)
    {
    }
}
