namespace Marginalia.Pipeline;

/// <summary>A pipeline tried to read one it did not declare: a bug in the pipeline, never in the input.</summary>
internal sealed class UndeclaredDependencyException : InvalidOperationException
{
    public UndeclaredDependencyException(string reader, string target)
        : base($"Pipeline '{reader}' read the outputs of '{target}' without declaring it as a dependency.")
    {
        Reader = reader;
        Target = target;
    }

    public UndeclaredDependencyException()
    {
        Reader = Target = string.Empty;
    }

    public UndeclaredDependencyException(string message)
        : base(message)
    {
        Reader = Target = string.Empty;
    }

    public UndeclaredDependencyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reader = Target = string.Empty;
    }

    public string Reader { get; }

    public string Target { get; }
}
