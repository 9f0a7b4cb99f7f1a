namespace Marginalia.Questions;

/// <summary>How much a question asks of a group: whether it suits a first reading or a seminar that knows the field.</summary>
internal enum QuestionLevel
{
    Introductory,
    Advanced,
}

/// <summary>The names a question file writes its level with.</summary>
internal static class QuestionLevels
{
    public static IReadOnlyList<string> Names { get; } = ["introductory", "advanced"];

    public static QuestionLevel? Parse(string name) => name switch
    {
        "introductory" => QuestionLevel.Introductory,
        "advanced" => QuestionLevel.Advanced,
        _ => null,
    };

    public static string Name(this QuestionLevel level) => Names[(int)level];
}
