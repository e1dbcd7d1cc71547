# The orggraph API (and its loaders/CLI). Used by docker-compose.yml next to neo4j:5.26-community.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update && apt-get install -y --no-install-recommends libcairo2 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /srv/orggraph
COPY pyproject.toml README.md ./
COPY orggraph ./orggraph
COPY app ./app
COPY loaders ./loaders
COPY cypher ./cypher
COPY data ./data
COPY docs ./docs
RUN pip install --no-cache-dir -e . && useradd --create-home orggraph
USER orggraph
EXPOSE 8000
# Inside the container the API must listen on all interfaces; compose publishes it on 127.0.0.1 only.
ENV ORGGRAPH_HOST=0.0.0.0
CMD ["orggraph", "up"]
