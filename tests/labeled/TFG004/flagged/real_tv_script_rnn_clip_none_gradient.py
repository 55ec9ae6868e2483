# source: https://github.com/udacity/deep-learning/issues/43 (fixed by https://github.com/udacity/deep-learning/pull/102)  # known-miss: one embedding variable of trainable_variables is unconnected; per-variable connection is not modelled
# reported: In the TV-script-generation RNN project, gradient clipping `[(tf.clip_by_value(grad, -1., 1.), var) for grad, var in gradients]` crashed because one of the gradients was None; the fix skips `grad is None`.
# observed (TF 2.21): tape.gradient returns None at line 65 for the initial-state layer (not used by the training loss); tf.clip_by_value(None, ...) raises ValueError at line 66.
import numpy as np
import tensorflow as tf

vocab_size = 20
embed_dim = 8
rnn_size = 8
seq_length = 5
batch_size = 2
learning_rate = 0.01


class TVScriptRNN(tf.keras.Model):
    def __init__(self, vocab_size, embed_dim, rnn_size):
        super().__init__()
        self.embedding = tf.keras.layers.Embedding(vocab_size, embed_dim)
        self.lstm = tf.keras.layers.LSTM(rnn_size, return_sequences=True, return_state=True)
        self.logits_layer = tf.keras.layers.Dense(vocab_size)
        # initial cell state for script generation (primed from a word)
        self.initial_state_layer = tf.keras.layers.Dense(rnn_size, activation="tanh")

    def get_init_cell(self, prime_embedding):
        h = self.initial_state_layer(prime_embedding)
        return [h, tf.zeros_like(h)]

    def get_embed(self, input_data):
        return self.embedding(input_data)

    def build_rnn(self, inputs, initial_state=None):
        outputs, final_h, final_c = self.lstm(inputs, initial_state=initial_state)
        return outputs, [final_h, final_c]

    def call(self, input_data, initial_state=None):
        embed = self.get_embed(input_data)
        outputs, final_state = self.build_rnn(embed, initial_state)
        logits = self.logits_layer(outputs)
        return logits, final_state


def get_batches(int_text, batch_size, seq_length):
    n_batches = len(int_text) // (batch_size * seq_length)
    xdata = np.array(int_text[: n_batches * batch_size * seq_length])
    ydata = np.roll(xdata, -1)
    x_batches = np.split(xdata.reshape(batch_size, -1), n_batches, 1)
    y_batches = np.split(ydata.reshape(batch_size, -1), n_batches, 1)
    return list(zip(x_batches, y_batches))


model = TVScriptRNN(vocab_size, embed_dim, rnn_size)
# build every layer once, as the generation code does
model.get_init_cell(model.get_embed(tf.constant([[1]]))[:, 0])
optimizer = tf.keras.optimizers.Adam(learning_rate)
loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)

int_text = np.random.randint(0, vocab_size, size=40)
batches = get_batches(int_text, batch_size, seq_length)

for batch_i, (x, y) in enumerate(batches):
    with tf.GradientTape() as tape:
        logits, final_state = model(x)
        cost = loss_object(y, logits)
    # Gradient Clipping
    gradients = zip(tape.gradient(cost, model.trainable_variables), model.trainable_variables)  # expect: TFG011
    capped_gradients = [(tf.clip_by_value(grad, -1., 1.), var) for grad, var in gradients]  # expect: TFG004
    optimizer.apply_gradients(capped_gradients)
    print("batch", batch_i, float(cost))
