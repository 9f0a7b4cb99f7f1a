namespace Marginalia.Pipeline;

/// <summary>Reading a dependency's result, the way most pipelines do.</summary>
internal static class IExecutionContextExtensions
{
    /// <summary>The value of <paramref name="key"/> on the first output of <paramref name="pipeline"/>, or default when it produced none (its errors are reported).</summary>
    public static T? FirstOutput<T>(this IExecutionContext context, string pipeline, MetadataKey<T> key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.OutputsOf(pipeline).Select(d => d.Metadata.GetOrDefault(key)).FirstOrDefault(v => v is not null);
    }
}
