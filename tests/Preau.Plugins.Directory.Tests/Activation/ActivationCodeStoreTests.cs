using Preau.Plugins.Directory.Model;
using Preau.Plugins.Directory.Planning;
using Preau.Plugins.Directory.Plugin;
using Preau.Plugins.Directory.Tests.Support;

namespace Preau.Plugins.Directory.Tests.Activation;

/// <summary>The stored codes: a salted hash only, the code typed loosely, used once.</summary>
public class ActivationCodeStoreTests
{
    private static NewAccount Account(string id, string code) => new(
        new AccountRecord { Id = id, Login = id, Kind = PersonKind.Eleve, DisplayName = id, Uai = "0990001Z" }, code);

    [Test]
    public void Verify_TheCodeInAnyCaseWithOrWithoutDashes_NotAnotherAccountsNorAWrongOne()
    {
        var memory = new MemoryStore();
        var codes = new ActivationCodeStore(memory, new ManualTime());
        codes.Save([Account("a1", "ABCD-EFGH-JKMN"), Account("a2", "PQRS-TUVW-XYZ2")]);

        Assert.That(codes.Verify("a1", "ABCD-EFGH-JKMN"), Is.True);
        Assert.That(codes.Verify("a1", " abcd efgh-jkmn "), Is.True);
        Assert.That(codes.Verify("a1", "ABCDEFGHJKMN"), Is.True);
        Assert.That(codes.Verify("a1", "ABCD-EFGH-JKMP"), Is.False);
        Assert.That(codes.Verify("a2", "ABCD-EFGH-JKMN"), Is.False);
        Assert.That(codes.Verify("nobody", "ABCD-EFGH-JKMN"), Is.False);
        Assert.That(codes.Verify(null, "ABCD-EFGH-JKMN"), Is.False);
        var stored = memory.Collection<ActivationCodeDocument>("activation-codes").Get("a1")!;
        Assert.That(stored.Hash, Does.Not.Contain("ABCD"));
        Assert.That(stored.Salt, Is.Not.EqualTo(memory.Collection<ActivationCodeDocument>("activation-codes").Get("a2")!.Salt));
    }

    [Test]
    public void Consume_TheCodeWorksNoMore()
    {
        var codes = new ActivationCodeStore(new MemoryStore(), new ManualTime());
        codes.Save([Account("a1", "ABCD-EFGH-JKMN")]);

        Assert.That(codes.Consume("a1"), Is.True);

        Assert.That(codes.Has("a1"), Is.False);
        Assert.That(codes.Verify("a1", "ABCD-EFGH-JKMN"), Is.False);
        Assert.That(codes.Consume("a1"), Is.False);
    }
}
