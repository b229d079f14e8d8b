using Preau.Plugins.Directory.Plugin.Actions;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Actions;

/// <summary>The catalogue of outside services, the checks of identifiers, and their store.</summary>
public class ExternalServicesTests
{
    [Test]
    public void Catalogue_HasPronoteEduConnectAndGar()
    {
        Assert.That(ExternalServices.Catalogue.Select(s => s.Key), Is.EqualTo(new[] { "pronote", "educonnect", "gar" }));
        Assert.That(ExternalServices.Find("educonnect")!.Label, Is.EqualTo("Identifiant ÉduConnect"));
        Assert.That(ExternalServices.Find("PRONOTE"), Is.Null, "keys are exact");
    }

    [TestCase("pronote", "DUPONT Marie", true)]
    [TestCase("pronote", "Élodie.Ürquhart", true)]
    [TestCase("pronote", "a\tb", false)]
    [TestCase("educonnect", "m.dupont12", true)]
    [TestCase("educonnect", "m dupont", false)]
    [TestCase("educonnect", "é.dupont", false)]
    [TestCase("gar", "f3c1a0e2-7b9d-4c1e-9a55-1234567890ab", true)]
    [TestCase("gar", "urn:gar:0990001Z:abc", true)]
    [TestCase("gar", "<script>", false)]
    public void Problem_ChecksTheCharacters(string key, string value, bool ok)
    {
        var problem = ExternalServices.Problem(ExternalServices.Find(key)!, value);

        Assert.That(problem, ok ? Is.Null : Does.StartWith(ExternalServices.Find(key)!.Label).And.Contain("seulement"));
    }

    [Test]
    public void Problem_ChecksTheLength()
    {
        var gar = ExternalServices.Find("gar")!;

        Assert.That(ExternalServices.Problem(gar, new string('a', gar.MaxLength)), Is.Null);
        Assert.That(ExternalServices.Problem(gar, new string('a', gar.MaxLength + 1)), Does.Contain($"au plus {gar.MaxLength}"));
    }

    [Test]
    public void Store_RoundTrips_FindsAnotherHolder_AndForgetsAnEmptySet()
    {
        var store = new ExternalIdStore(new MemoryStore());
        store.Put("a1", new Dictionary<string, string> { ["pronote"] = "DUPONTM", ["gar"] = "g-1" }, DateTimeOffset.UnixEpoch, "admin");

        Assert.That(store.Get("a1"), Is.EquivalentTo(new Dictionary<string, string> { ["pronote"] = "DUPONTM", ["gar"] = "g-1" }));
        Assert.That(store.HolderOf("pronote", "dupontm", "a2"), Is.EqualTo("a1"), "case ignored");
        Assert.That(store.HolderOf("pronote", "DUPONTM", "a1"), Is.Null, "an account does not conflict with itself");
        Assert.That(store.HolderOf("educonnect", "DUPONTM", "a2"), Is.Null, "per service");

        store.Put("a1", [], DateTimeOffset.UnixEpoch, "admin");
        Assert.That(store.Get("a1"), Is.Empty);
    }
}
