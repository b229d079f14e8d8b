using System.IO.Compression;
using Preau.PluginHost.Http;
using Preau.PluginHost.Loading;
using Preau.Plugins;
using Preau.Plugins.Jobs;

namespace Preau.PluginHost.Tests;

/// <summary>The small parts: manifests, version compatibility, route matching, archives, schedules.</summary>
public class ContractPartsTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("preau-parts-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestCase("""{"id":"Mon.Plugin","version":"1.2.3","hostApiVersion":"1"}""", ExpectedResult = "Mon.Plugin 1.2.3 1.0")]
    [TestCase("""{"id":"x","name":"Nom","version":"2.0","hostApiVersion":"1.0","description":"d"}""", ExpectedResult = "x 2.0 1.0")]
    public string Manifest_Valid_IsRead(string json)
    {
        File.WriteAllText(Path.Combine(_folder, "plugin.json"), json);
        var manifest = PluginManifest.Read(_folder);
        return $"{manifest.Id} {manifest.Version} {manifest.HostApiVersion}";
    }

    [TestCase("""{"id":"../x","version":"1.0","hostApiVersion":"1.0"}""", "\"id\"")]
    [TestCase("""{"id":"a..b","version":"1.0","hostApiVersion":"1.0"}""", "\"id\"")]
    [TestCase("""{"id":"ok","version":"un","hostApiVersion":"1.0"}""", "\"version\"")]
    [TestCase("""{"id":"ok","version":"1.0"}""", "\"hostApiVersion\"")]
    [TestCase("""{"id":""", "not valid JSON")]
    public void Manifest_Invalid_IsRefusedWithTheField(string json, string named)
    {
        File.WriteAllText(Path.Combine(_folder, "plugin.json"), json);
        var refused = Assert.Throws<PluginException>(() => PluginManifest.Read(_folder));
        Assert.That(refused!.Message, Does.Contain(named));
    }

    [TestCase(1, 0, ExpectedResult = true)]
    [TestCase(1, 1, ExpectedResult = true)]
    [TestCase(1, 2, ExpectedResult = true)]
    [TestCase(1, 3, ExpectedResult = true)]
    [TestCase(1, 4, ExpectedResult = false)]
    [TestCase(2, 0, ExpectedResult = false)]
    [TestCase(0, 9, ExpectedResult = false)]
    public bool ApiVersion_CompatibleWhenMajorEqualAndMinorNotNewer(int major, int minor) => PluginApi.IsCompatible(new Version(major, minor));

    [Test]
    public void Routes_MostSpecificFirst_ValuesUnescaped_405ForOtherMethods()
    {
        var builder = new PluginRouteBuilder();
        builder.MapGet("items/{id}", _ => Task.CompletedTask);
        builder.MapGet("items/new", _ => Task.CompletedTask);
        builder.MapPost("items/{id}", _ => Task.CompletedTask);
        builder.MapGet("files/{*path}", _ => Task.CompletedTask);
        var table = builder.Build();

        Assert.That(table.Match("GET", "items/new").Route!.Pattern, Is.EqualTo("items/new"));
        var item = table.Match("GET", "ITEMS/a%20b");
        Assert.That(item.Route!.Pattern, Is.EqualTo("items/{id}"));
        Assert.That(item.Values["id"], Is.EqualTo("a b"));
        Assert.That(table.Match("HEAD", "items/x").Route, Is.Not.Null);
        Assert.That(table.Match("GET", "files/a/b/c").Values["path"], Is.EqualTo("a/b/c"));
        var wrongMethod = table.Match("DELETE", "items/x");
        Assert.That(wrongMethod.Route, Is.Null);
        Assert.That(wrongMethod.AllowedMethods, Is.EquivalentTo(new[] { "GET", "POST" }));
        Assert.That(table.Match("GET", "items/x/y").AllowedMethods, Is.Empty);
    }

    [TestCase("a/{*rest}/b")]
    [TestCase("a{id}")]
    [TestCase("a/{id}/{id}")]
    [TestCase("a//b")]
    [TestCase("a/{}")]
    public void Routes_BadPatterns_AreRefusedAtRegistration(string pattern) =>
        Assert.That(() => new PluginRouteBuilder().MapGet(pattern, _ => Task.CompletedTask), Throws.ArgumentException);

    [Test]
    public void Routes_DeclaredTwice_AreRefused()
    {
        var builder = new PluginRouteBuilder();
        builder.MapGet("items/{id}", _ => Task.CompletedTask);
        Assert.That(() => builder.MapGet("Items/{other}", _ => Task.CompletedTask), Throws.ArgumentException);
    }

    [TestCase("../evil.txt")]
    [TestCase("/etc/evil.txt")]
    [TestCase("ok/../../evil.txt")]
    [TestCase("C:/evil.txt")]
    [TestCase("..\\evil.txt")]
    public void Archive_EntryLeavingTheFolder_RefusesTheWholeArchive(string entry)
    {
        var zip = Zip(("plugin.json", "{}"), (entry, "pwned"));
        var target = Path.Combine(_folder, "out");

        using var stream = File.OpenRead(zip);
        var refused = Assert.Throws<PluginException>(() => PluginArchive.Extract(stream, target, 1024 * 1024));

        Assert.That(refused!.Message, Does.Contain("outside"));
        Assert.That(Directory.Exists(target), Is.False, "nothing was written");
        Assert.That(Directory.GetFiles(_folder, "evil.txt", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void Archive_SymbolicLinkEntry_IsRefused()
    {
        var zip = Path.Combine(_folder, "link.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            var link = archive.CreateEntry("lien");
            link.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
            using var writer = new StreamWriter(link.Open());
            writer.Write("/etc/passwd");
        }

        using var stream = File.OpenRead(zip);
        var refused = Assert.Throws<PluginException>(() => PluginArchive.Extract(stream, Path.Combine(_folder, "out"), 1024 * 1024));
        Assert.That(refused!.Message, Does.Contain("symbolic link"));
    }

    [Test]
    public void Archive_TooLargeOnceUnpacked_IsRefused()
    {
        var zip = Zip(("big.bin", new string('a', 100_000)));
        using var stream = File.OpenRead(zip);
        var refused = Assert.Throws<PluginException>(() => PluginArchive.Extract(stream, Path.Combine(_folder, "out"), 10_000));
        Assert.That(refused!.Message, Does.Contain("more than"));
    }

    [Test]
    public void Archive_NotAZip_IsRefused()
    {
        using var stream = new MemoryStream("ceci n'est pas une archive"u8.ToArray());
        Assert.That(() => PluginArchive.Extract(stream, Path.Combine(_folder, "out"), 1024), Throws.TypeOf<PluginException>().With.Message.Contains("not a zip"));
    }

    [Test]
    public void Schedule_Interval_IsRelativeToTheLastRun()
    {
        var start = new DateTimeOffset(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);
        Assert.That(JobSchedule.Every(TimeSpan.FromMinutes(5)).NextAfter(start, TimeZoneInfo.Utc), Is.EqualTo(start.AddMinutes(5)));
        Assert.That(() => JobSchedule.Every(TimeSpan.FromMilliseconds(10)), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Schedule_Daily_IsTheNextOccurrenceOfTheLocalTime()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var daily = JobSchedule.Daily(new TimeOnly(2, 30));

        var before = new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.FromHours(2));
        Assert.That(daily.NextAfter(before, paris), Is.EqualTo(new DateTimeOffset(2025, 9, 1, 2, 30, 0, TimeSpan.FromHours(2))));
        var after = new DateTimeOffset(2025, 9, 1, 3, 0, 0, TimeSpan.FromHours(2));
        Assert.That(daily.NextAfter(after, paris), Is.EqualTo(new DateTimeOffset(2025, 9, 2, 2, 30, 0, TimeSpan.FromHours(2))));

        // 30 March 2025, 02:30 does not exist in Paris (clocks go from 02:00 to 03:00).
        var springForward = daily.NextAfter(new DateTimeOffset(2025, 3, 29, 12, 0, 0, TimeSpan.FromHours(1)), paris);
        Assert.That(springForward, Is.EqualTo(new DateTimeOffset(2025, 3, 30, 3, 0, 0, TimeSpan.FromHours(2))));
    }

    private string Zip(params (string Name, string Content)[] entries)
    {
        var zip = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".zip");
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var writer = new StreamWriter(archive.CreateEntry(name).Open());
            writer.Write(content);
        }

        return zip;
    }
}
