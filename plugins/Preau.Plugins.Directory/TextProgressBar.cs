using System.Globalization;

namespace Preau.Plugins.Directory;

/// <summary>A one-line progress bar for the CLI (« [##########----------]  50 % Lecture de
/// ElevesSansAdresses.xml »), redrawn in place with a carriage return, only when the percentage or
/// the step changes; each step ends with a line break.</summary>
public sealed class TextProgressBar(TextWriter writer, int width = 30) : IProgress<ImportProgress>
{
    private readonly Lock _lock = new();
    private string? _item;
    private ImportStage? _stage;
    private int _percent = -1;

    /// <inheritdoc />
    public void Report(ImportProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            var percent = (int)(value.Fraction * 100);
            var sameStep = value.Stage == _stage && value.Item == _item;
            if (sameStep && percent == _percent)
            {
                return;
            }

            if (!sameStep && _stage is not null)
            {
                writer.WriteLine();
            }

            (_stage, _item, _percent) = (value.Stage, value.Item, percent);
            if (value.Total <= 0)
            {
                writer.Write($"\r{value.Message}");
            }
            else
            {
                var filled = percent * width / 100;
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('-', width - filled)}] {percent,3} % {value.Message}"));
            }

            if (value.Stage == ImportStage.Done)
            {
                writer.WriteLine();
                _stage = null;
            }

            writer.Flush();
        }
    }
}
