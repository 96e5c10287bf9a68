import sys

try:
    from .cli import main
except ModuleNotFoundError as exc:  # run outside the project's environment: say what to run instead
    if (exc.name or "").split(".")[0] == "generator":
        raise
    sys.stderr.write(
        f"Chưa cài các thư viện của chương trình (thiếu '{exc.name}'): có lẽ lệnh đang chạy ngoài môi trường .venv.\n"
        "Hãy dùng các lệnh make, chúng tự tạo môi trường lần đầu, ví dụ:\n"
        "  make check\n"
        "  make new KIND=khao-sat PERIOD=2025-01\n"
        "  make publish KY=2025-01\n"
        "hoặc chạy bằng Python của môi trường: .venv/bin/python -m generator check\n"
        "(tạo môi trường: make venv).\n")
    sys.exit(2)

sys.exit(main())
