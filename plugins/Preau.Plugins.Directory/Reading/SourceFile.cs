namespace Preau.Plugins.Directory.Reading;

/// <summary>An export recognised among the inputs: a file, or an entry of a zip.</summary>
/// <param name="Name">Shown in errors: <c>ElevesSansAdresses.xml</c> or <c>export.zip/ElevesSansAdresses.xml</c>.</param>
/// <param name="Kind">Which export it is.</param>
/// <param name="Length">Its size in bytes (uncompressed), 0 when unknown.</param>
/// <param name="Open">Opens it from the start.</param>
internal sealed record SourceFile(string Name, SourceKind Kind, long Length, Func<Stream> Open);
