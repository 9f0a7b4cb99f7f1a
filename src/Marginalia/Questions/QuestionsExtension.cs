using Marginalia.Extensions;

namespace Marginalia.Questions;

/// <summary>Discussion questions (input/questions/), shown as quiet prompts after their passages: the reader extension for this kind.</summary>
internal sealed partial class QuestionsExtension : IReaderExtension
{
    public string Kind => "questions";
}
