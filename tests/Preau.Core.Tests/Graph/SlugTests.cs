using Preau.Core.Graph;
using Preau.Core.Policy;

namespace Preau.Core.Tests.Graph;

public class SlugTests
{
    [TestCase("Élodie", "elodie")]
    [TestCase("Le Bœuf", "le-boeuf")]
    [TestCase("N'Diaye", "n-diaye")]
    [TestCase("6A ANG-1", "6a-ang-1")]
    [TestCase("  Zoë  ", "zoe")]
    public void Fold_FrenchNames_LowerAscii(string text, string expected) =>
        Assert.That(Slug.Fold(text), Is.EqualTo(expected));

    [TestCase("eleves.6a", ListKind.Pupils, "6a")]
    [TestCase("PARENTS.5B", ListKind.Parents, "5b")]
    [TestCase("profs.latin", ListKind.Teachers, "latin")]
    [TestCase("rubrique.club-theatre", ListKind.Rubrique, "club-theatre")]
    public void ListAddress_TryParse_RecognisesPrefixes(string local, ListKind kind, string key)
    {
        Assert.That(ListAddress.TryParse(local, out var list), Is.True);
        Assert.That((list.Kind, list.Key), Is.EqualTo((kind, key)));
    }

    [TestCase("eleve.6a")]
    [TestCase("eleves.")]
    [TestCase("prof.anglais")]
    public void ListAddress_TryParse_LoginsAreNotLists(string local) =>
        Assert.That(ListAddress.TryParse(local, out _), Is.False);
}
