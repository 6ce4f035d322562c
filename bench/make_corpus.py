"""Make N synthetic articles for benchmarks: text dumps and HTML pages of about 10 KB, deterministic.

    python bench/make_corpus.py N DIR [--seed 7]

Sentences take the shapes of the seeds' (counts, percents, ratios, ranks,
scores, targets) with varied numbers, provinces, dates and page boilerplate.
Every third article is an HTML page. The same N and seed give the same bytes.
"""
from __future__ import annotations

import argparse
import csv
import random
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROVINCES = [r["name"] for r in csv.DictReader(open(ROOT / "warehouse" / "provinces.csv", encoding="utf-8"))
             if r["era"] == "legacy"]

FACT_SHAPES = [
    "Đến nay, tỉnh {p} đã cung cấp {n1} dịch vụ công trực tuyến, trong đó có {n2} dịch vụ công trực tuyến toàn trình.",
    "Toàn tỉnh có {n3} trạm BTS, phủ sóng di động đến {pct}% thôn, bản.",
    "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến đạt {pct2}%.",
    "Có {a}/{b} xã, phường, thị trấn đã thành lập Tổ công nghệ số cộng đồng với {n4} thành viên.",
    "Năm {y}, tỉnh {p} xếp thứ {r}/63 tỉnh, thành về chỉ số chuyển đổi số DTI, với {s} điểm.",
    "Phấn đấu đến năm {fy}, kinh tế số chiếm {g}% GRDP của tỉnh.",
    "Số lượng thuê bao Internet của tỉnh là {n5} thuê bao; doanh thu thương mại điện tử đạt khoảng {m} tỷ đồng.",
    "Trung tâm dữ liệu của tỉnh có năng lực lưu trữ {tb}TB.",
]
FILLER = [
    "Công tác chuyển đổi số được các cấp, các ngành triển khai quyết liệt, đồng bộ và đạt nhiều kết quả quan trọng.",
    "Tuy nhiên, hạ tầng số ở một số địa phương vùng sâu, vùng xa còn hạn chế, nguồn nhân lực còn thiếu.",
    "Lãnh đạo tỉnh yêu cầu các sở, ngành tiếp tục tháo gỡ khó khăn, vướng mắc trong thực hiện nhiệm vụ.",
    "Người dân, doanh nghiệp được hướng dẫn sử dụng các nền tảng số và dịch vụ công trực tuyến.",
]


def vn(number: float, decimals: int = 0) -> str:
    """A number written the Vietnamese way: "1.805", "80,79"."""
    whole = f"{int(number):,}".replace(",", ".")
    return whole if not decimals else whole + "," + f"{number:.{decimals}f}".split(".")[1]


def article(rng: random.Random, number: int) -> tuple[str, str, list[str]]:
    """(province, headline, paragraphs) of one synthetic article of about 10 KB."""
    province = rng.choice(PROVINCES)
    paragraphs, size = [], 0
    while size < 9000:
        facts = {"p": province, "n1": vn(rng.randint(800, 2500)), "n2": vn(rng.randint(300, 900)),
                 "n3": vn(rng.randint(500, 9999)), "pct": rng.randint(80, 100), "pct2": vn(rng.uniform(40, 99), 2),
                 "a": (b := rng.randint(50, 600)) - rng.randint(0, 40), "b": b, "n4": vn(rng.randint(1000, 20000)),
                 "y": rng.randint(2020, 2024), "r": rng.randint(1, 63), "s": vn(rng.uniform(300, 999), 2),
                 "fy": rng.choice([2025, 2030]), "g": rng.randint(10, 30), "n5": vn(rng.randint(100_000, 2_000_000)),
                 "m": vn(rng.randint(100, 9000)), "tb": rng.randint(20, 500)}
        sentences = [rng.choice(FACT_SHAPES).format(**facts) for _ in range(2)] + rng.sample(FILLER, 2)
        rng.shuffle(sentences)
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1].encode())
    headline = f"{province}: đẩy mạnh chuyển đổi số, bài {number}"
    return province, headline, paragraphs


def text_dump(headline: str, paragraphs: list[str], rng: random.Random) -> str:
    stamp = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} , {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024"
    return "\n\n".join([
        "BÁO ĐIỆN TỬ TỈNH", "Đường dây nóng: 0237 3721150", headline,
        f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024 {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
        *paragraphs, "Minh Anh", "Tin liên quan", "Tỉnh đạt 99% mục tiêu năm", stamp,
        f"Lượt xem: {rng.randint(10, 9999)}", "© Bản quyền thuộc về Báo điện tử Tỉnh"])


def html_page(headline: str, paragraphs: list[str], rng: random.Random) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{escape(headline)} - Báo Tỉnh</title>'
            f'<meta property="og:title" content="{escape(headline)}"><meta property="og:site_name" content="Báo Tỉnh">'
            f'<meta property="article:published_time" content="2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}'
            'T08:00:00+07:00"><script>var views = 12345;</script></head><body>'
            '<nav><a href="/">Trang chủ</a> <a href="/cds">Chuyển đổi số</a></nav>'
            f"<article><h1>{escape(headline)}</h1><div class=\"content\">{body}</div></article>"
            '<aside><h3>Tin liên quan</h3><ul><li><a href="/x">Tỉnh có 120 xã đạt chuẩn</a></li></ul></aside>'
            "<footer>Bản quyền © 2024 Báo Tỉnh. Điện thoại: 0237 3721150</footer></body></html>")


def make_corpus(count: int, folder: Path, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        _, headline, paragraphs = article(rng, number)
        if number % 3 == 2:
            path, content = folder / f"{number:06d}.html", html_page(headline, paragraphs, rng)
        else:
            path, content = folder / f"{number:06d}.txt", text_dump(headline, paragraphs, rng)
        path.write_text(content, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = make_corpus(args.count, args.folder, args.seed)
    print(f"wrote {len(paths)} articles, {sum(p.stat().st_size for p in paths) / 1e6:.1f} MB, to {args.folder}")


if __name__ == "__main__":
    main()
