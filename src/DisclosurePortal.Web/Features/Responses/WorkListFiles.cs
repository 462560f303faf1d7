using System.Globalization;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;

namespace DisclosurePortal.Web.Features.Responses;

/// <summary>Where uploaded work lists are kept: each company's files in a folder of its own, named by id, never by the user's file name.</summary>
public static class WorkListFiles
{
    public static string PathOf(StorageOptions storage, WorkListUpload upload) => PathOf(storage, upload.CompanyId, upload.StoredName);

    public static string PathOf(StorageOptions storage, int companyId, string storedName) =>
        Path.Combine(storage.UploadsDirectory, companyId.ToString(CultureInfo.InvariantCulture), storedName);
}
