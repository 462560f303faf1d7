using System.Text;
using DisclosurePortal.Core.Catalog;

namespace DisclosurePortal.Core.Tests;

/// <summary>Reads catalog test files and checks what became of every data row.</summary>
internal static class CatalogOutcome
{
    public static List<CatalogFileRow> Read(byte[] bytes, CatalogKind kind = CatalogKind.Recordings) =>
        CatalogFileReader.Read(new MemoryStream(bytes), kind).ToList();

    /// <summary>The bytes of <paramref name="text"/> in <paramref name="encoding"/>, with its byte order mark when <paramref name="bom"/>.</summary>
    public static byte[] Bytes(string text, Encoding encoding, bool bom = false) =>
        (bom ? encoding.GetPreamble() : []).Concat(encoding.GetBytes(text)).ToArray();

    /// <summary>
    /// Every one of the <paramref name="rowsIn"/> data rows came back exactly once (rows in = accepted + rejected):
    /// the <paramref name="accepted"/> lines accepted, the <paramref name="rejected"/> ones with a reason containing the fragment.
    /// </summary>
    public static void Expect(IReadOnlyList<CatalogFileRow> rows, int rowsIn, int[] accepted, params (int Line, string Reason)[] rejected)
    {
        Assert.Equal(rowsIn, accepted.Length + rejected.Length);
        Assert.Equal(rowsIn, rows.Count);
        Assert.Equal(accepted, rows.Where(r => r.Accepted).Select(r => r.Line));
        Assert.Equal(rejected.Select(r => r.Line), rows.Where(r => !r.Accepted).Select(r => r.Line));
        foreach (var (expected, actual) in rejected.Zip(rows.Where(r => !r.Accepted)))
        {
            Assert.Contains(expected.Reason, actual.RejectionReason, StringComparison.Ordinal);
        }
    }

    public static CatalogRecordingRow Recording(IReadOnlyList<CatalogFileRow> rows, int line) =>
        Assert.IsType<CatalogRecordingRow>(Assert.Single(rows, r => r.Line == line).Item);
}
