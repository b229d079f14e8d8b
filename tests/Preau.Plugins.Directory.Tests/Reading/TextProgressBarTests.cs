using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Reading;

/// <summary>The CLI progress bar over a real import.</summary>
public class TextProgressBarTests
{
    [Test]
    public void Report_RealImport_OneLinePerStepEndingAtFullBars()
    {
        using var writer = new StringWriter();
        var bar = new TextProgressBar(writer, width: 10);

        var outcome = DirectoryImport.Prepare(Schools.Inputs(Schools.Small), DirectoryState.Empty, Plans.Options(), progress: bar);

        Assert.That(outcome.Succeeded, Is.True);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var last = lines.Select(l => l[(l.LastIndexOf('\r') + 1)..]).ToList();
        var reading = last.Where(l => l.Contains("Lecture de", StringComparison.Ordinal)).ToList();
        Assert.That(reading, Has.Count.EqualTo(5));
        Assert.That(reading, Is.All.StartWith("[##########] 100 % Lecture de "));
        Assert.That(last[^1], Does.EndWith("écriture(s) à faire"));
    }

    [Test]
    public void Report_SamePercentTwice_DrawnOnce()
    {
        using var writer = new StringWriter();
        var bar = new TextProgressBar(writer, width: 4);

        bar.Report(new ImportProgress(ImportStage.Reading, "a.xml", 50, 100, "Lecture de a.xml"));
        bar.Report(new ImportProgress(ImportStage.Reading, "a.xml", 50, 100, "Lecture de a.xml"));
        bar.Report(new ImportProgress(ImportStage.Reading, "a.xml", 100, 100, "Lecture de a.xml"));

        Assert.That(writer.ToString(), Is.EqualTo("\r[##--]  50 % Lecture de a.xml\r[####] 100 % Lecture de a.xml"));
    }
}
