namespace Preau.Plugins.Directory.Reading;

/// <summary>Collects the errors and warnings of one import. Past <see cref="Limit"/> errors only the
/// count grows: a broken file reports its first problems, not ten thousand.</summary>
internal sealed class ImportErrors
{
    public const int Limit = 200;

    private readonly List<ImportError> _errors = [];
    private readonly List<ImportWarning> _warnings = [];

    public int Count { get; private set; }

    public IReadOnlyList<ImportWarning> Warnings => _warnings;

    public void Add(ImportError error)
    {
        Count++;
        if (_errors.Count < Limit)
        {
            _errors.Add(error);
        }
    }

    public void Add(string file, string element, int? line, string reason) => Add(new ImportError(file, element, line, reason));

    public void Warn(string file, string element, string message) => _warnings.Add(new ImportWarning(file, element, message));

    /// <summary>The errors kept, and one more line saying how many were left out.</summary>
    public IReadOnlyList<ImportError> ToList()
    {
        if (Count <= _errors.Count)
        {
            return [.. _errors];
        }

        return [.. _errors, new ImportError("", "", null, $"… et {Count - _errors.Count} autres erreurs")];
    }
}
