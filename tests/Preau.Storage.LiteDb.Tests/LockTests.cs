using Preau.Storage.LiteDb;

namespace Preau.Storage.LiteDb.Tests;

public sealed class LockTests : TempFolderTest
{
    [Test]
    public void Open_FolderHeldByAnotherStore_RefusedClearly()
    {
        using var first = new LiteDbStore(DataDir);
        var ex = Assert.Throws<DataFolderInUseException>(() => new LiteDbStore(DataDir).Dispose());
        Assert.That(ex!.Message, Does.Contain("in use by another Préau process"));
    }

    [Test]
    public void Open_AfterTheHolderClosed_Succeeds()
    {
        new LiteDbStore(DataDir).Dispose();
        using var again = new LiteDbStore(DataDir);
        Assert.That(again.IsEmpty(), Is.True);
    }
}
