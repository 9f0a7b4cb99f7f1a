using Marginalia.Extensions;
using Marginalia.Theme;

namespace Marginalia.Questions;

/// <summary>The questions' part of the pages: the prompts' stylesheet on the reader.</summary>
internal sealed partial class QuestionsExtension
{
    public IEnumerable<string> Stylesheets(PageSpec page) => page?.Layout == CoreLayouts.Reader ? ["questions.css"] : [];
}
