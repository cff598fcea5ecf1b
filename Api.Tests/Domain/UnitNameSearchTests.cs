using Scorecard.Domain.Units;

namespace Scorecard.Api.Tests.Domain;

public sealed class UnitNameSearchTests
{
    [TestCase("Đà Nẵng", "da nang")]
    [TestCase("Thành phố Hội An", "thanh pho hoi an")]
    [TestCase("Huyện Nam Trà My", "huyen nam tra my")]
    [TestCase("Xã Điện Phương", "xa dien phuong")]
    [TestCase("  Phường   Hòa\tCường ", "phuong hoa cuong")]
    [TestCase("Sở Thông tin và Truyền thông", "so thong tin va truyen thong")]
    [TestCase("ĐỒNG THÁP", "dong thap")]
    public void Fold_WhenTheTextHasDiacritics_DropsThemAndReadsDAsD(string text, string folded)
    {
        Assert.That(UnitNameSearch.Fold(text), Is.EqualTo(folded));
    }

    [TestCase("Thành phố Đà Nẵng", "da nang", true)]
    [TestCase("Thành phố Đà Nẵng", "Đà Nẵng", true)]
    [TestCase("Thành phố Đà Nẵng", "ĐÀ NẴNG", true)]
    [TestCase("Thành phố Đà Nẵng", "đa nang", true)]
    [TestCase("Thành phố Đà Nẵng", "pho da", true)]
    [TestCase("Thành phố Đà Nẵng", "nang da", false)]
    [TestCase("Xã Hòa Bắc", "hoa bac", true)]
    [TestCase("Xã Hòa Bắc", "hoa nam", false)]
    public void Matches_WhenTheQueryIsTypedWithOrWithoutAccents_FindsTheName(string name, string query, bool found)
    {
        Assert.That(UnitNameSearch.Matches(name, UnitNameSearch.Fold(query)), Is.EqualTo(found));
    }
}
