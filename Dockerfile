# The orggraph API (and its loaders/CLI). Used by docker-compose.yml next to neo4j:5.26-community.
# Two stages: the explorer's and the API consoles' front-end packages (d3, Swagger UI, ReDoc) are
# installed with npm, exactly as scripts/setup does, and copied into the Python image: nothing comes
# from a CDN, in the container as on a machine with `scripts/up`.
FROM node:20-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
# poppler reads PDFs, Tesseract (Spanish) scanned pages, as scripts/setup installs them on a machine
RUN apt-get update && apt-get install -y --no-install-recommends libcairo2 fonts-dejavu-core \
    poppler-utils tesseract-ocr tesseract-ocr-spa \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv/orggraph
COPY pyproject.toml README.md ./
COPY orggraph ./orggraph
COPY app ./app
COPY loaders ./loaders
COPY questions ./questions
COPY cli ./cli
COPY cypher ./cypher
COPY data ./data
COPY docs ./docs
COPY web/package.json web/package-lock.json ./web/
COPY --from=web /web/node_modules ./web/node_modules
RUN pip install --no-cache-dir -e . && useradd --create-home orggraph
USER orggraph
EXPOSE 8000
# Inside the container the API must listen on all interfaces; compose publishes it on 127.0.0.1 only.
ENV ORGGRAPH_HOST=0.0.0.0
CMD ["orggraph", "up"]
