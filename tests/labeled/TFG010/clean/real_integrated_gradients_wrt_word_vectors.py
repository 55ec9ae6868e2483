# source: https://github.com/hiranumn/IntegratedGradients/issues/5
# reported: IntegratedGradients returns None when the model input is word ids feeding an Embedding layer; the maintainer's answer: the ids are discrete, differentiate w.r.t. the vector representations of the words instead. This is that variant: interpolate between a zero baseline and the embedded sentence, and take gradients there.
# observed (TF 2.21): the samples are float32 word vectors, the tape gradient w.r.t. them is a real tensor and the explanation has one attribution per token and embedding dimension.
import numpy as np
import tensorflow as tf


class integrated_gradients:
    def __init__(self, model, outchannels=[], verbose=1):
        self.model = model
        self.embedding = model.layers[0]
        self.head = model.layers[1:]
        if len(outchannels) == 0:
            outchannels = list(range(self.model.output_shape[-1]))
        self.outchannels = outchannels
        self.verbose = verbose

        self.get_gradients = {}
        for c in self.outchannels:
            self.get_gradients[c] = self._gradient_fn(c)

    def _forward_from_vectors(self, vectors):
        out = vectors
        for layer in self.head:
            out = layer(out)
        return out

    def _gradient_fn(self, c):
        def get_gradients(inputs):
            x = tf.convert_to_tensor(inputs, dtype=tf.float32)
            with tf.GradientTape() as tape:
                tape.watch(x)
                out = self._forward_from_vectors(x)[:, c]
            return tape.gradient(out, x)
        return get_gradients

    def explain(self, sample_ids, outc=0, reference=False, num_steps=50, verbose=0):
        sample = self.embedding(sample_ids[None, :])[0].numpy()
        samples, num_steps, step_sizes = integrated_gradients.linearly_interpolate(sample, reference, num_steps)
        gradients = self.get_gradients[outc](samples)
        explanation = tf.reduce_sum(gradients, axis=0) * step_sizes
        return explanation

    @staticmethod
    def linearly_interpolate(sample, reference=False, num_steps=50):
        if reference is False:
            reference = np.zeros(sample.shape)
        assert sample.shape == reference.shape
        ret = np.zeros(tuple([num_steps] + [i for i in sample.shape]))
        for s in range(num_steps):
            ret[s] = reference + (sample - reference) * (s * 1.0 / num_steps)
        return ret.astype(np.float32), num_steps, ((sample - reference) * (1.0 / num_steps)).astype(np.float32)


MAX_LEN, VOCAB = 6, 20
model = tf.keras.Sequential([
    tf.keras.Input(shape=(MAX_LEN,), dtype='int32'),
    tf.keras.layers.Embedding(VOCAB, 4),
    tf.keras.layers.GlobalAveragePooling1D(),
    tf.keras.layers.Dense(2, activation='softmax'),
])

X_val = np.random.randint(1, VOCAB, size=(3, MAX_LEN))
ig = integrated_gradients(model)
exp = ig.explain(X_val[0], outc=1, num_steps=5)
print(exp.shape)
